"""<%title%>.

A <%task%> model, from data to a monitored API.
"""

import logging

__version__ = "0.1.0"

# Library code only logs; the entry points (pipeline CLI, API) configure handlers once.
logging.getLogger(__name__).addHandler(logging.NullHandler())
