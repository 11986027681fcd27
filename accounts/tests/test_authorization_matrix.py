"""Temporary bridge: the authorization matrix now lives in hybridpeaks/tests/.

hybridpeaks/tests/test_fuzz.py still imports the matrix's world from here; once its import
reads `hybridpeaks.tests.test_authorization_matrix`, delete this module. It defines no tests,
so nothing is collected twice.
"""

from hybridpeaks.tests.test_authorization_matrix import (  # noqa: F401
    ADMIN_SIGN_IN,
    EXPECTED,
    SIGN_IN,
    Redirect,
    path_for,
    project_urls,
    world,
)
