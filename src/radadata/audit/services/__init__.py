"""The one door for every change of the audit and the demand loop."""
