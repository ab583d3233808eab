"""A Russian newsletter is read as Russian (its furniture, advertisement and date line known,
a forward by a Russian mail program undone), and a Ukrainian one is not taken for Russian.
Fixtures written here."""

from __future__ import annotations

import pytest
from _letters import build_one, issue_of, mail

from digest.segment import load_profiles

RUSSIAN = """<html><body>
<p><a href="https://tehno.example/web/42">Открыть в браузере</a></p>
<h1>Технописьмо №42</h1>
<p>14 марта 2025</p>
<p>Привет! На этой неделе мы разбираем новый закон о данных и рассказываем о велопрокате.</p>
<h2>Закон о данных</h2>
<p>Парламент принял закон, который обязывает компании хранить данные не дольше трёх лет.</p>
<h2>Реклама</h2>
<p>Курс программирования от Школы Кода: первые две недели бесплатно.</p>
<h2>Велопрокат</h2>
<p>В городе открылись сорок новых станций, и первые полчаса поездки бесплатны.</p>
<p>Спасибо, что читаете! Если письмо вам переслали, подпишитесь на рассылку.</p>
<p>Вы получили это письмо, потому что подписались на рассылку.
<a href="https://tehno.example/unsubscribe?u=1">Отписаться</a></p>
</body></html>"""

FORWARDED = """\
---------- Пересылаемое сообщение ---------
От: Технописьмо <hello@tehno.example>
Дата: пт, 14 мар. 2025 г. в 09:00
Тема: Технописьмо №42
Кому: <anna@mail.example>

Парламент принял закон, который обязывает компании хранить данные не дольше трёх лет.
"""


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def test_a_russian_issue_drops_its_furniture_and_sets_its_advertisement_apart(profiles):
    issue = issue_of("42.eml", mail(RUSSIAN, "Технописьмо <hello@tehno.example>",
                                    "Технописьмо №42: закон о данных"), profiles)
    assert issue.language == "ru"
    assert [(s.heading, s.role) for s in issue.sections] == [
        (None, "lead"), ("Закон о данных", "section"), ("Реклама", "sponsored"),
        ("Велопрокат", "section")]
    assert [d.text[:20] for d in issue.dropped] == [
        "Открыть в браузере", "14 марта 2025", "Спасибо, что читаете",
        "Вы получили это пись"]


def test_a_newsletter_forwarded_by_a_russian_mail_program_is_named_by_its_own_header(
        profiles):
    issue = issue_of("fwd.eml", mail(FORWARDED, "Анна <anna@mail.example>",
                                     "Fwd: Технописьмо №42", subtype="plain"), profiles)
    assert (issue.publication, issue.title, str(issue.date)) == (
        "Технописьмо", "Технописьмо №42", "2025-03-14")


def test_a_ukrainian_issue_is_not_taken_for_russian(profiles):
    text = ("# Міський лист\n\nЦього тижня ми розповідаємо про нові велосипедні станції, "
            "які відкрилися в центрі міста. Перші пів години поїздки безкоштовні, а річний "
            "абонемент коштує як два місяці проїзду в метро, тому його вже купили тисячі "
            "людей. Якщо ви ще не пробували, це дуже просто: застосунок показує, де є вільні "
            "велосипеди, і коли їх можна повернути.\n")
    assert issue_of("lyst.md", text.encode(), profiles).language == "uk"


def test_a_russian_issues_page_is_named_in_latin_letters(tmp_path):
    site = build_one(tmp_path, "tehno", "42.eml", mail(RUSSIAN, "Технописьмо <hello@tehno.example>",
                                                      "Технописьмо №42: закон о данных",
                                                      "Fri, 14 Mar 2025 09:00:00 +0300"))
    assert [p.name for p in (site / "issues").glob("*.html")] == [
        "2025-03-14-tekhnopis-mo-tekhnopis-mo-no42-zakon-o-dannykh.html"]
    assert (site / "newsletters" / "tekhnopis-mo.html").is_file()
