"""`transcheck eval`: measure the checks against hand-annotated text (annotations, matching, gates)."""
