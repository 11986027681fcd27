"""A page of a list and its count in one query (training/paging.py), whatever page is asked."""

import pytest

from training.models import Exercise
from training.paging import page_of
from training.tests.factories import ExerciseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven():
    ExerciseFactory.create_batch(7)
    return Exercise.objects.order_by("name")


def test_a_page_carries_its_rows_and_the_count_of_all(seven, django_assert_num_queries):
    expected = [e.pk for e in seven[3:6]]
    with django_assert_num_queries(1):
        page = page_of(seven, "2", per_page=3)
        assert [e.pk for e in page] == expected
        assert (page.number, page.paginator.count, page.paginator.num_pages) == (2, 7, 3)


@pytest.mark.parametrize("asked", [None, "", "abc", "0", "-5", "1.5", "1e9"])
def test_anything_but_a_positive_whole_number_is_the_first_page(seven, asked):
    assert page_of(seven, asked, per_page=3).number == 1


@pytest.mark.parametrize("asked", ["4", "1000000", "9223372036854775808", "9" * 40])
def test_a_number_past_the_end_is_the_last_page_never_a_database_error(seven, asked):
    page = page_of(seven, asked, per_page=3)
    assert page.number == 3
    assert [e.pk for e in page] == [e.pk for e in seven[6:]]


def test_an_empty_list_is_one_empty_page(db):
    page = page_of(Exercise.objects.none(), "5", per_page=3)
    assert (page.number, list(page), page.paginator.count) == (1, [], 0)
