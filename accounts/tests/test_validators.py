import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from accounts.tests.factories import UserFactory


@pytest.mark.parametrize(
    ("password", "complaint"),
    [
        ("Short1Aa", "at least 12 characters"),
        ("alllowercase123", "an upper-case letter"),
        ("ALLUPPERCASE123", "a lower-case letter"),
        ("NoDigitsInThisOne", "a digit"),
        ("Password1234", "too common"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(password, complaint):
    with pytest.raises(ValidationError) as caught:
        validate_password(password)
    assert any(complaint in message for message in caught.value.messages), caught.value.messages


@pytest.mark.django_db
def test_password_like_the_email_is_refused():
    user = UserFactory.build(email="marathonrunner@example.com")
    with pytest.raises(ValidationError, match="too similar"):
        validate_password("Marathonrunner1", user=user)


def test_good_password_passes():
    validate_password("Correct-Horse-42")
