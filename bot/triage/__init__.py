"""The short anonymous triage: its fixed protocol, its rules, and how free text is understood."""
