"""The council's performance rules as pure functions: no Django, no database.

periods (financial years, quarters), status (the traffic light), milestones (actions' progress),
direction (direction of travel), inclusion (the improvement report's criterion) and summaries
(the annual results' arithmetic). Everything else in Scorecard calls these; nothing re-implements them.
"""
