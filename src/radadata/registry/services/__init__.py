"""Every change to the registry goes through a function of these modules."""
