"""The API's operations, one router per kind of object."""
