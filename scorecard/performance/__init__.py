"""The council's performance rules as pure functions: no Django, no database.

periods (financial years, quarters), status (the traffic light), milestones (actions' progress),
direction (direction of travel), inclusion (the improvement report's criterion), summaries
(the annual results' arithmetic), and benchmark (rank, quartile and median among comparator councils, with
benchmark_periods for the years comparator data is published for). Everything else in Scorecard calls these;
nothing re-implements them.
"""
