import pytest

from crm.core.models import User


def test_login_page_renders_translated_form(client, db):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="tr")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="tr" dir="ltr">' in body
    assert "Giriş yap" in body


def test_the_login_page_shows_the_products_name_and_logo_and_every_page_a_favicon(client, db):
    body = client.get("/accounts/login/").content.decode()
    assert 'class="auth-brand"' in body and "img/logo" in body and "repeat orders" in body
    assert 'rel="icon"' in body and "img/favicon" in body


def test_the_login_page_names_no_business(client, tenant_a):
    """The page a would-be tenant address sends to says nothing of that business (it would
    tell a guesser which addresses exist)."""
    body = client.get("/anka/customers/", follow=True).content.decode()
    assert "Anka" not in body


def test_login_with_valid_password_goes_to_tenant(client, owner_a):
    response = client.post(
        "/accounts/login/", {"username": "owner_a", "password": "pw-for-tests-1"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/anka/customers/"


def test_login_with_wrong_password_keeps_username_and_says_why(client, owner_a):
    response = client.post("/accounts/login/", {"username": "owner_a", "password": "nope"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="owner_a"' in body
    assert "Please enter a correct username and password" in body


def test_logout_needs_post(client_a):
    assert client_a.get("/accounts/logout/").status_code == 405
    response = client_a.post("/accounts/logout/")
    assert response.status_code == 302
    assert client_a.get("/anka/customers/").status_code == 302  # back to login


def test_password_change(client_a, owner_a):
    response = client_a.post(
        "/accounts/password/",
        {
            "old_password": "pw-for-tests-1",
            "new_password1": "a-much-longer-secret-42",
            "new_password2": "a-much-longer-secret-42",
        },
    )
    assert response.status_code == 302
    owner_a.refresh_from_db()
    assert owner_a.check_password("a-much-longer-secret-42")


@pytest.mark.parametrize("language", ["tr", "ro", "ru", "fa"])
def test_language_switch_is_remembered_on_the_user(client_a, owner_a, language):
    response = client_a.post("/i18n/language/", {"language": language, "next": "/anka/customers/"})
    assert response.status_code == 302
    assert response["Location"] == "/anka/customers/"
    owner_a.refresh_from_db()
    assert owner_a.language == language
    # A fresh session (another browser) still gets the user's language.
    client_a.cookies.clear()
    client_a.force_login(owner_a)
    body = client_a.get("/anka/customers/").content.decode()
    assert f'<html lang="{language}"' in body


def test_language_switch_ignores_unknown_language_and_foreign_next(client_a, owner_a):
    response = client_a.post("/i18n/language/", {"language": "xx", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    owner_a.refresh_from_db()
    assert owner_a.language == ""


def test_persian_pages_are_right_to_left(client_a, owner_a):
    User.objects.filter(pk=owner_a.pk).update(language="fa")
    body = client_a.get("/anka/customers/").content.decode()
    assert '<html lang="fa" dir="rtl">' in body
