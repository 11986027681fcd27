import factory

from accounts.models import Athlete, Coach, User, UserRole

PASSWORD = "Correct-Horse-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    role = UserRole.ATHLETE
    password = factory.django.Password(PASSWORD)


class CoachFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coach

    user = factory.SubFactory(UserFactory, role=UserRole.COACH)
    name = factory.Sequence(lambda n: f"Coach {n}")


class AthleteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Athlete

    user = factory.SubFactory(UserFactory, role=UserRole.ATHLETE)
    name = factory.Sequence(lambda n: f"Athlete {n}")
    coach = factory.SubFactory(CoachFactory)
