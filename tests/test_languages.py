"""Phrase tables apply in the issue's own language: declared by the file (HTML `lang`, front
matter, `metadata.toml`) or found from its common words; English when neither says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_digest

from digest.ingest import read_file
from digest.segment import load_profiles, segment_document

# An ordinary German sentence that an English chrome phrase ("Open … online …") matches.
LOOKALIKE = "Open Online ist das neue Lernportal der Stadt."

GERMAN = f"""\
# Stadtbrief Nummer 12

Im Browser ansehen

Willkommen zur neuen Ausgabe. Diese Woche geht es um die Bibliothek, den Markt und die neuen
Radwege in der Innenstadt.

{LOOKALIKE}

## Bibliothek

Die Bibliothek hat ab Montag auch am Abend geöffnet. Wer einen Ausweis hat, kann jetzt auch
Bücher über das Internet ausleihen, und die Rückgabe ist an jedem Automaten möglich.

## Markt

Der Wochenmarkt zieht für den Sommer auf den Platz vor dem Rathaus. Es gibt mehr Stände als
im letzten Jahr, und die Händler bleiben bis zum frühen Nachmittag.

Newsletter abbestellen
"""

ENGLISH = f"""\
# City Letter 12

View in browser

Welcome to the new issue. This week is about the library, the market and the new bike lanes
in the city centre, and what they will mean for you.

{LOOKALIKE}

## Library

The library is now open in the evening too. Anyone who has a card can borrow books over the
internet, and they can be returned at any machine.
"""


def inspect(*paths: Path) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "digest", "inspect", "--json",
                           *map(str, paths)], capture_output=True, text=True, check=True)
    return [i for f in json.loads(done.stdout)["files"] for i in f["issues"]]


def paragraphs(issue: dict) -> list[str]:
    return [p["text"] for s in issue["sections"] for p in s["paragraphs"]]


def dropped(issue: dict) -> list[tuple[str, str]]:
    return [(d["kind"], d["text"]) for d in issue["dropped"]]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_german_issue_keeps_a_sentence_an_english_phrase_matches_and_drops_german_chrome(
        tmp_path):
    german, english = inspect(write(tmp_path / "stadt.md", GERMAN),
                              write(tmp_path / "city.md", ENGLISH))
    assert german["language"] == "de"
    assert LOOKALIKE in paragraphs(german)
    assert dropped(german) == [("chrome", "Im Browser ansehen"),
                               ("chrome", "Newsletter abbestellen")]
    assert english["language"] == "en"
    assert ("chrome", LOOKALIKE) in dropped(english)  # the English table does match it
    assert ("chrome", "View in browser") in dropped(english)


def test_a_declared_language_wins_over_the_words(tmp_path):
    body = "<p>Im Browser ansehen</p><h2>Kurz</h2><p>Ein Satz.</p><p>Open Online wächst.</p>"
    page = write(tmp_path / "kurz.html", f'<html lang="de-AT"><body>{body}</body></html>')
    front = write(tmp_path / "front.md", "---\ntitle: Kurz\nlang: de\n---\n\n"
                  "Im Browser ansehen\n\n## Kurz\n\nEin Satz.\n\nOpen Online wächst.\n")
    bare = write(tmp_path / "bare.md", "# Kurz\n\nIm Browser ansehen\n\n## Kurz\n\nEin Satz.\n\n"
                 "Open Online wächst.\n")
    for issue in inspect(page, front):
        assert issue["language"] == "de"
        assert ("chrome", "Im Browser ansehen") in dropped(issue)
        assert "Open Online wächst." in paragraphs(issue)
    (unknown,) = inspect(bare)  # too few words to tell: English phrases, as before
    assert unknown["language"] is None
    assert ("chrome", "Open Online wächst.") in dropped(unknown)


POLISH_NOTES = """\
# Wieści z osiedla

Dzień dobry! W tym tygodniu piszemy o nowym placu zabaw, o remoncie mostu i o tym, dlaczego
w parku znów pasą się owce. Plac zabaw przy ulicy Lipowej jest już otwarty, a most będzie
zamknięty do marca, bo wykonawca znalazł uszkodzone filary. Objazd prowadzi przez ulicę Prostą.

Miasto sprawdza, czy koszenie trawy przez owce jest tańsze od kosiarek i lepsze dla owadów.
Pierwsze wyniki poznamy jesienią, kiedy zakończy się sezon.
"""

# Czech, which has no table: its "na" and "o" are common Portuguese words too.
CZECH_NOTES = """\
# Zpravodaj čtvrti

Tento týden jsme otevřeli novou knihovnu na náměstí. Přišlo do ní přes tři sta lidí a mluvilo
se hlavně o tom, co do knihovny patří. Na podzim se do ní přestěhuje archiv obce, o který se
dosud staral spolek dobrovolníků.

Na radnici se jednalo o opravě mostu. Práce začnou na jaře a potrvají do konce léta, objížďka
povede po ulici Na Výsluní. Řidiči se o změnách dozví na webu obce.

Do školy nastoupila nová ředitelka. Na první schůzce s rodiči mluvila o jídelně, o kroužcích a
o tom, jak se škola připraví na nové osnovy.
"""


def test_a_language_is_found_by_many_of_its_common_words_not_a_few_short_ones(tmp_path):
    polish, czech = inspect(write(tmp_path / "wiesci.md", POLISH_NOTES),
                            write(tmp_path / "zpravodaj.md", CZECH_NOTES))
    assert polish["language"] == "pl"
    assert czech["language"] == "cs"  # by its own table, not Portuguese by "na", "do", "o"


def test_metadata_gives_the_language_of_a_file(tmp_path):
    write(tmp_path / "metadata.toml", '["bare.md"]\nlanguage = "de"\n')
    bare = write(tmp_path / "bare.md", "# Kurz\n\nIm Browser ansehen\n\n## Kurz\n\nEin Satz.\n")
    (issue,) = inspect(bare)
    assert issue["language"] == "de" and ("chrome", "Im Browser ansehen") in dropped(issue)


def test_a_german_issue_is_marked_german_on_an_english_site(tmp_path):
    folder = tmp_path / "seeds" / "stadtbrief"
    folder.mkdir(parents=True)
    write(folder / "2026-03-04-stadt.md", GERMAN)
    write(folder / "2026-03-05-city.md", ENGLISH)
    run_digest("build", "-q", cwd=tmp_path)
    (german,) = (tmp_path / "output" / "issues").glob("*stadtbrief-nummer-12*.html")
    (english,) = (tmp_path / "output" / "issues").glob("*city-letter-12*.html")
    assert '<article class="issue" lang="de"' in german.read_text(encoding="utf-8")
    assert '<article class="issue" data-pagefind-body' in english.read_text(encoding="utf-8")
    (week,) = (tmp_path / "output" / "weeks").glob("*.html")
    assert '<article class="issue-summary" lang="de">' in week.read_text(encoding="utf-8")


GERMAN_LINKS = """\
# Wochenlinks

Willkommen zu den Links der Woche. Diese Woche gibt es wieder viel zu lesen, und wir haben die
besten Artikel für euch gesammelt, die uns aufgefallen sind.

## Lesen

- [Datenbanken verstehen](https://example.org/db) von Jana Müller-Lüdenscheidt
- [Schneller bauen](https://example.org/bau) von Anna Maria von der Heide und Kim Weber
- [A tour of parsers](https://example.org/parse) by Li Wei
"""


def test_a_byline_in_the_issues_language_names_the_author(tmp_path):
    (issue,) = inspect(write(tmp_path / "links.md", GERMAN_LINKS))
    assert issue["language"] == "de"
    items = issue["sections"][-1]["items"]
    assert [(i["title"], i["author"]) for i in items] == [
        ("Datenbanken verstehen", "Jana Müller-Lüdenscheidt"),
        ("Schneller bauen", "Anna Maria von der Heide und Kim Weber"),
        ("A tour of parsers", "Li Wei")]


def test_an_issue_is_ranked_by_the_words_of_its_language():
    from digest.summarize.ranker import content_terms
    from digest.summarize.standalone import leans_on_context, words
    from digest.summarize.words import base_language

    sentence = "Le nouveau tramway reliera la gare au port dès le mois de septembre."
    assert content_terms(sentence, "fr") == ("tramway", "reli", "gar", "port", "mois",
                                             "septembr")
    assert {"le", "la", "de"} <= set(content_terms(sentence, "en"))
    assert content_terms("Die neue Straßenbahn fährt zum Hafen.", "de") == (
        "neu", "strassenbahn", "fahrt", "haf")
    assert [base_language(x) for x in ("fr-FR", "de_DE", "PT", None, "../../en", "")] == [
        "fr", "de", "pt", "en", "en", "en"]
    # English connectives do not read other languages: German "Also" opens a sentence.
    assert leans_on_context("Also, the council voted.") is not None
    assert leans_on_context("Also beschloss der Rat den Haushalt.", lexicon=words("de")) is None


def test_a_german_issue_is_cut_into_sentences_by_german_rules():
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document
    from digest.summarize import SummaryConfig, summarize_issue

    text = ("---\nlang: de\n---\n# Stadtbrief\n\n## Termine\n\n"
            "Die Sitzung des Rates findet am 3. März im Rathaus statt, und die Bürger können "
            "z. B. Fragen stellen. Danach gibt es Kuchen für alle, die gekommen sind.\n")
    (issue,), _ = segment_document(read_bytes("brief.md", text.encode()), *load_profiles())
    assert issue.language == "de"
    digest = summarize_issue(issue, SummaryConfig())
    assert digest.split[(0, 0)] == [
        "Die Sitzung des Rates findet am 3. März im Rathaus statt, und die Bürger können "
        "z. B. Fragen stellen.", "Danach gibt es Kuchen für alle, die gekommen sind."]


# A line asking whether the mail was forwarded, and one saying how to stop it, in each language.
FURNITURE = {
    "de": ("Wurde dir diese E-Mail weitergeleitet? Hier anmelden.",
           "Wenn Sie diesen Newsletter nicht mehr erhalten möchten, klicken Sie hier."),
    "es": ("¿Te reenviaron este correo? Suscríbete aquí.",
           "Si deseas dejar de recibir estos correos, responde BAJA."),
    "it": ("Ti hanno inoltrato questa email? Iscriviti qui.",
           "Per non ricevere più questa newsletter, rispondi a questa mail."),
    "nl": ("Is deze nieuwsbrief naar je doorgestuurd? Meld je hier aan.",
           "Wil je deze nieuwsbrief niet meer ontvangen? Meld je dan af."),
    "pt": ("Alguém te encaminhou este e-mail? Assine aqui.",
           "Para deixar de receber estes e-mails, responda SAIR."),
    "fr": ("On vous a transféré cet e-mail ? Abonnez-vous ici.",
           "Si vous ne souhaitez plus recevoir cette lettre, répondez STOP."),
    "uk": ("Перешліть цей лист друзям, яким це цікаво.",
           "Щоб відписатися від розсилки, натисніть тут."),
    "el": ("Προωθήστε αυτό το email σε έναν φίλο.",
           "Για να διαγραφείτε από τη λίστα, πατήστε εδώ."),
    "tr": ("Bu bülteni arkadaşlarınıza iletin.", "Abonelikten çık"),
}


def segmented(path: Path):
    (issue,), _ = segment_document(read_file(path, display=path.name), *load_profiles())
    return issue


@pytest.mark.parametrize("language", sorted(FURNITURE))
def test_forwarding_and_opt_out_lines_are_chrome_in_the_issues_language(language, tmp_path):
    forwarded, opt_out = FURNITURE[language]
    page = tmp_path / "2026-11-28-letter.html"
    page.write_text(
        f'<html lang="{language}"><body><p>{forwarded}</p><h1>Nummer 12</h1>'
        "<h2>Eins</h2><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
        "eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>"
        f"<p>{opt_out}</p></body></html>", encoding="utf-8")
    issue = segmented(page)
    chrome = {d.text for d in issue.dropped if d.kind == "chrome"}
    assert chrome == {forwarded, opt_out}


@pytest.mark.parametrize("language, top, bottom", [
    ("de", "Wird dieser Newsletter nicht richtig angezeigt? Im Browser ansehen",
     "Wenn Sie diesen Newsletter nicht mehr erhalten möchten, klicken Sie hier."),
    ("ja", "このメールが正しく表示されない場合はこちらをご覧ください。",
     "このメールマガジンをお友達に転送してください。"),
    ("fr", "Si ce message ne s'affiche pas correctement, consultez-le dans votre navigateur.",
     "Pour vous désabonner, cliquez ici."),
    ("es", "Si no puedes ver este correo correctamente, haz clic aquí.",
     "Para darte de baja, haz clic aquí."),
    ("it", "Se non visualizzi correttamente questa email, aprila nel browser.",
     "Per annullare l'iscrizione clicca qui."),
    ("pt", "Se não conseguir visualizar este e-mail, clique aqui.",
     "Cancelar inscrição: clique aqui."),
    ("nl", "Wordt deze e-mail niet goed weergegeven? Bekijk hem online.",
     "Afmelden voor deze nieuwsbrief? Klik hier."),
])
def test_a_line_saying_the_mail_may_not_show_right_is_chrome(language, top, bottom, tmp_path):
    page = tmp_path / "2026-11-28-letter.html"
    page.write_text(
        f'<html lang="{language}"><body><p>{top}</p><h1>Nummer 12</h1>'
        "<h2>Eins</h2><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
        "eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>"
        f"<p>{bottom}</p></body></html>", encoding="utf-8")
    assert {d.text for d in segmented(page).dropped if d.kind == "chrome"} == {top, bottom}


def test_a_korean_credit_written_with_an_equals_sign_ends_its_story_not_the_story_itself(
        tmp_path):
    page = tmp_path / "2026-12-04-weekly.html"
    story = ("내년 7월부터 새로 짓는 아파트 단지는 주차면의 10% 이상에 충전기를 설치해야 합니다. "
             "국토부는 기존 단지에도 설치비 일부를 지원하기로 했습니다. 입주민 동의 절차는 "
             "간소화됩니다.")
    page.write_text(f'<html lang="ko"><body><h1>한빛 위클리 제57호</h1>'
                    f"<h2>전기차 충전소, 아파트 단지에 의무 설치</h2><p>{story}</p>"
                    "<p>사진=김민수 기자</p></body></html>", encoding="utf-8")
    issue = segmented(page)
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in issue.sections] == [
        ("전기차 충전소, 아파트 단지에 의무 설치", [story])]
    assert [d.text for d in issue.dropped if d.kind == "credit"] == ["사진=김민수 기자"]


POLISH = """<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8">
<title>Biuletyn osiedlowy nr 14</title></head><body>
<p><a href="https://osiedle.example/web/14">Zobacz w przeglądarce</a></p>
<h1>Biuletyn osiedlowy nr 14</h1>
<p>Dzień dobry! W tym tygodniu piszemy o nowym placu zabaw przy ulicy Lipowej.</p>
<h2>Nowy plac zabaw otwarty</h2>
<p>W sobotę otwarto plac zabaw. Ma piaskownicę, dwie huśtawki i zjeżdżalnię.</p>
<p>Pozdrawiamy,<br>Zarząd osiedla</p>
<p>Otrzymujesz tę wiadomość, ponieważ zapisałeś się na biuletyn.
<a href="https://osiedle.example/wypisz?u=3">Wypisz się</a></p></body></html>"""


def test_a_letter_in_a_language_with_no_phrase_data_loses_its_furniture_by_structure(tmp_path):
    page = tmp_path / "2026-11-26-biuletyn.html"
    page.write_text(POLISH, encoding="utf-8")
    issue = segmented(page)
    assert issue.title == "Biuletyn osiedlowy nr 14"
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in issue.sections] == [
        (None, ["Dzień dobry! W tym tygodniu piszemy o nowym placu zabaw przy ulicy Lipowej."]),
        ("Nowy plac zabaw otwarty",
         ["W sobotę otwarto plac zabaw. Ma piaskownicę, dwie huśtawki i zjeżdżalnię."])]
    assert {d.kind for d in issue.dropped} == {"chrome", "signoff"}


PHOTO_CREDITS = {"de": "Foto: Jan Berg", "fr": "Photo : Jean Roy", "es": "Foto: Lucía Marín",
                 "it": "Foto: Anna Neri", "nl": "Beeld: Piet Smit", "pt": "Foto: Rui Sá",
                 "ru": "Фото: Иван Орлов", "ja": "写真：山田太郎", "zh": "图片：新华社",
                 "ko": "사진: 김민수", "uk": "Фото: Олена Коваль", "el": "Φωτογραφία: Νίκος Π.",
                 "tr": "Fotoğraf: Ayşe Yılmaz", "hi": "फोटो: कंपनी के सौजन्य से",
                 "pl": "Fot. Piotr Wiśniewski", "sv": "Foto: Anna Berg", "id": "Foto: Budi Santoso",
                 "vi": "Ảnh: Trần Hoa", "ar": "تصوير: خالد يوسف", "fa": "عکس: رضا کریمی",
                 "he": "צילום: דנה לוי", "th": "ภาพ: วันชัย สุขใจ", "ro": "Foto: Ioana Pop",
                 "hu": "Fotó: Kiss Anna", "fi": "Kuva: Matti Virtanen",
                 "sw": "Picha: Juma Hassan", "bn": "ছবি: অমিত দাস", "am": "ፎቶ፦ አበበ ከበደ",
                 "hy": "Լուսանկարը՝ Արմեն Սարգսյան", "ka": "ფოტო: გიორგი ბერიძე",
                 "ta": "படம்: க. முருகன்", "si": "ඡායාරූපය: නිමල් පෙරේරා",
                 "my": "ဓာတ်ပုံ - ကိုအောင်", "km": "រូបថត៖ សុខ វិចិត្រ", "lo": "ພາບ: ສົມສັກ",
                 "ur": "تصویر: احمد علی", "ne": "तस्बिर: राम थापा"}


def test_every_phrase_table_of_every_mail_platform_applies_in_its_language():
    """Platform phrases are compiled only when an issue in their language needs them: each
    table, merged as an issue in that language gets it, must give working patterns."""
    from digest.segment.profiles import load_platforms, with_platform

    generic, named = load_platforms()
    profile = load_profiles()[0]
    for platform in (None, *named):
        tables = [generic.chrome, generic.sponsor, generic.sponsor_openings, generic.credit] + (
            [platform.chrome, platform.sponsor, platform.sponsor_openings, platform.credit]
            if platform else [])
        for language in sorted({code for table in tables for code in table}):
            merged = with_platform(profile, generic, platform, [], language)
            assert merged.drop["chrome"][-1].search("") is None
            assert all(p.search("") is None for p in merged.sponsor + merged.sponsor_openings)
            assert all(p.search("") is None for p in merged.drop.get("credit", []))
            if language in generic.credit:
                assert merged.drop["credit"][-1].search(PHOTO_CREDITS[language])


THAI = """<html lang="th"><body><h1>จดหมายข่าวเทศบาล ฉบับที่ 12</h1>
<p>สวัสดีครับ ยินดีต้อนรับสู่จดหมายข่าวฉบับที่ 12 ของเทศบาล สัปดาห์นี้มีเรื่องตลาดนัดและห้องสมุด</p>
<h2>ตลาดนัดวันเสาร์</h2>
<p>ตลาดนัดวันเสาร์จะย้ายไปที่ลานจอดรถหน้าศาลากลาง ตั้งแต่สัปดาห์หน้าเป็นต้นไป
ร้านค้าจะเปิดตั้งแต่เจ็ดโมงเช้าถึงบ่ายสองโมง ผู้ค้าที่ต้องการจองแผงสามารถติดต่อสำนักงานเทศบาลได้ในวันทำการ</p>
<h2>ห้องสมุด</h2>
<p>ห้องสมุดประชาชนเปิดบริการยืมหนังสือออนไลน์แล้ว สมาชิกสามารถยืมได้ครั้งละห้าเล่ม
และคืนได้ที่ตู้รับคืนหน้าห้องสมุดตลอดยี่สิบสี่ชั่วโมง</p></body></html>"""


def test_a_thai_letter_written_without_spaces_between_words_is_counted_and_summarized():
    from digest.ingest import read_bytes
    from digest.summarize import SummaryConfig, summarize_issue
    from digest.textwords import count_words

    assert count_words("ตลาดนัดวันเสาร์") == 4  # four words, one run of letters
    (issue,), _ = segment_document(read_bytes("thai.html", THAI.encode()), *load_profiles())
    digest = summarize_issue(issue, SummaryConfig())
    assert digest.words_in > 80
    # a space between two Thai letters ends a sentence: each section gives its first one
    assert [[s.text for s in section.sentences] for section in digest.sections[1:]] == [
        ["ตลาดนัดวันเสาร์จะย้ายไปที่ลานจอดรถหน้าศาลากลาง"],
        ["ห้องสมุดประชาชนเปิดบริการยืมหนังสือออนไลน์แล้ว"]]


MAIL_MAGAZINE = """\
週刊まちかど通信 第52号

皆さん、こんにちは。今週は駅前の工事と、夏祭りの手伝いについてお知らせします。

【今週のニュース】

駅前広場の工事が来週から始まります。工事の間、バス乗り場は北口に移ります。

【イベント】

夏祭りの手伝いを募集しています。受付や会場の案内をお願いできる方はご連絡ください。
"""


def test_a_japanese_mail_magazine_is_titled_by_its_first_line_and_cut_at_bracket_headings(
        tmp_path):
    path = tmp_path / "machikado" / "2026-06-20.txt"
    path.parent.mkdir()
    path.write_text(MAIL_MAGAZINE, encoding="utf-8")
    (issue,), _ = segment_document(read_file(path, root=tmp_path), *load_profiles())
    assert issue.title == "週刊まちかど通信 第52号"
    assert [s.heading for s in issue.sections] == [None, "今週のニュース", "イベント"]
    assert issue.sections[2].paragraphs[0].text.startswith("夏祭りの手伝いを募集しています。")


KOREAN = """<table><tr><td><p>안녕하세요, 동네책방 소식입니다. 이번 주에는 겨울 독서 모임
소식을 전해 드립니다.</p></td></tr>
<tr><td><h2>겨울 독서 모임을 엽니다</h2><p>12월부터 매주 목요일 저녁 7시에 겨울 독서 모임을 엽니다.
참가비는 없고, 자리는 열두 개입니다.</p></td></tr>
<tr><td><p>이번 소식은 여기까지입니다. 다음 주에 또 만나요!</p></td></tr>
<tr><td><p>동네책방 · 서울시 마포구 책방길 12 · 02-123-4567</p></td></tr></table>"""


def test_a_korean_letters_closing_line_is_furniture():
    from _letters import issue_of, mail

    issue = issue_of("bookshop.eml", mail(KOREAN, "동네책방 <hello@bookshop.example>",
                                          "동네책방 소식 41호", "Thu, 26 Nov 2026 09:00:00 +0900"),
                     load_profiles())
    assert issue.language == "ko"
    kept = [p.text for s in issue.sections for p in s.paragraphs]
    assert kept[-1] == ("12월부터 매주 목요일 저녁 7시에 겨울 독서 모임을 엽니다. "
                        "참가비는 없고, 자리는 열두 개입니다.")
    assert ("chrome", "이번 소식은 여기까지입니다. 다음 주에 또 만나요!") in [
        (d.kind, d.text) for d in issue.dropped]


FRAMED_MAGAZINE = """━━━━━━━━━━━━━━━━━━━━━━━━
　まちの本屋だより　第52号
　2026年11月27日発行
━━━━━━━━━━━━━━━━━━━━━━━━

いつもご愛読ありがとうございます。
今号では、冬の読書会と新刊のお知らせをお届けします。

■ 目次
　1. 冬の読書会のご案内
　2. 年末年始の営業について

━━━━━━━━━━━━━━━━━━━━━━━━
■ 1. 冬の読書会のご案内
━━━━━━━━━━━━━━━━━━━━━━━━

12月から毎週木曜日の夜7時に、冬の読書会を開きます。参加費は無料、定員は12名です。

━━━━━━━━━━━━━━━━━━━━━━━━
■ 2. 年末年始の営業について
━━━━━━━━━━━━━━━━━━━━━━━━

12月31日から1月3日まで休業いたします。
"""


def test_a_japanese_mail_magazine_dates_itself_and_drops_its_numbered_contents(tmp_path):
    """A date line ending in 発行 ("published") is the issue's date; a contents list whose
    entries name the numbered headings below ("1. 冬の読書会のご案内") is chrome, label and all."""
    page = tmp_path / "honya.txt"
    page.write_text(FRAMED_MAGAZINE, encoding="utf-8")
    issue = segmented(page)
    assert (issue.date.isoformat(), issue.date_source) == ("2026-11-27", "text")
    assert issue.sections[0].items == [] and issue.sections[0].subsections == []
    dropped = {(d.kind, d.text) for d in issue.dropped}
    assert {("byline", "2026年11月27日発行"), ("chrome", "■ 目次"),
            ("chrome", "冬の読書会のご案内")} <= dropped
    assert [s.heading for s in issue.sections[1:]] == ["1. 冬の読書会のご案内",
                                                       "2. 年末年始の営業について"]


KIEZPOST = """\
# Kiezpost #23

Hallo Nachbarinnen und Nachbarn, diese Woche gibt es Neuigkeiten vom Wochenmarkt.

## Wochenmarkt zieht um

Ab Januar findet der Wochenmarkt dienstags und freitags auf dem Schulhof statt, weil der
Platz neu gepflastert wird.

---

Gefällt dir die Kiezpost? Leite sie an deine Nachbarn weiter!

Bis nächste Woche!
Eure Kiezpost-Redaktion
"""


@pytest.mark.parametrize("prompt", [True, False])
def test_a_german_forward_prompt_and_a_farewell_written_over_its_signature_are_furniture(
        prompt, tmp_path):
    page = tmp_path / "kiez.md"
    text = KIEZPOST if prompt else KIEZPOST.replace(
        "Gefällt dir die Kiezpost? Leite sie an deine Nachbarn weiter!\n\n", "")
    page.write_text(text, encoding="utf-8")
    issue = segmented(page)
    assert [p.text for p in issue.sections[-1].paragraphs] == [
        "Ab Januar findet der Wochenmarkt dienstags und freitags auf dem Schulhof statt, weil "
        "der Platz neu gepflastert wird."]
    dropped = {d.text: d.kind for d in issue.dropped}
    assert dropped["Bis nächste Woche! Eure Kiezpost-Redaktion"] in ("signoff", "chrome")
    if prompt:  # the footer then opens at the prompt, the farewell under it going with it
        assert dropped["Gefällt dir die Kiezpost? Leite sie an deine Nachbarn weiter!"] == "chrome"
    else:
        assert dropped["Bis nächste Woche! Eure Kiezpost-Redaktion"] == "signoff"


def test_an_arabic_letters_date_line_dates_it_and_is_no_text(tmp_path):
    page = tmp_path / "hay.html"
    page.write_text('<html dir="rtl" lang="ar"><body><h1>نشرة الحي — العدد ١٢</h1>'
                    "<p>٢٦ نوفمبر ٢٠٢٦</p><p>مرحباً بكم في عدد هذا الأسبوع من نشرة الحي.</p>"
                    "<h2>سوق الخضار</h2><p>ينتقل سوق الخضار الأسبوعي إلى ساحة المدرسة.</p>"
                    "</body></html>", encoding="utf-8")
    issue = segmented(page)
    assert (issue.language, issue.date.isoformat()) == ("ar", "2026-11-26")
    assert ("byline", "٢٦ نوفمبر ٢٠٢٦") in {(d.kind, d.text) for d in issue.dropped}


HINDI = """\
Subject: टेक समाचार साप्ताहिक
From: Tek Samachar <news@tek.example>
Date: Mon, 07 Dec 2026 08:00:00 +0530
Content-Type: text/plain; charset=utf-8

नवंबर में देश भर में बारिश सामान्य से अधिक हुई। यह पिछले दस वर्षों में सबसे अधिक है।
मौसम विभाग ने किसानों को सलाह दी है कि वे बुवाई एक सप्ताह टाल दें।

शहर में नई मेट्रो लाइन का परीक्षण शुरू हुआ। पहली ट्रेन सुबह छह बजे चली और यात्रियों ने इसका स्वागत किया।
"""


def test_a_hindi_letter_is_told_by_its_script_cut_at_the_danda_and_named_in_latin_letters(
        tmp_path):
    path = write(tmp_path / "samachar.eml", HINDI)
    (issue,) = inspect(path)
    assert issue["language"] == "hi"
    assert [s["heading"] for s in issue["sections"]] == [None]  # a sentence is no heading
    from digest.summarize.tokenizer import split_sentences

    assert split_sentences(" ".join(paragraphs(issue)[:2]), "hi") == [
        "नवंबर में देश भर में बारिश सामान्य से अधिक हुई।", "यह पिछले दस वर्षों में सबसे अधिक है।",
        "मौसम विभाग ने किसानों को सलाह दी है कि वे बुवाई एक सप्ताह टाल दें।"]
    from digest.textwords import to_ascii

    assert to_ascii("टेक समाचार") == "tek smacar"


def test_a_persian_word_keeps_its_zero_width_non_joiner_and_a_preheader_loses_its_padding(
        tmp_path):
    """"نامه‌ی" and "می‌شود" are spelled with U+200C between letters: without it the letters
    join and the word is misspelled. The same character as a preheader's padding goes."""
    (tmp_path / "in").mkdir()
    page = write(tmp_path / "in" / "farhang.html",
                 '<html lang="fa" dir="rtl"><body><div style="display:none">\u200c \u200c '
                 '\u200c</div><h1>نامه\u200cی فرهنگ</h1><p>جشنواره\u200cی فیلم این هفته در '
                 'تالار شهر برگزار می\u200cشود و بلیت\u200cها رایگان است.</p>'
                 '<p>👩\u200d💻 کارگاه برنامه\u200cنویسی برای نوجوانان.</p></body></html>')
    site = tmp_path / "site"
    run_digest("build", "--input", str(tmp_path / "in"), "--output", str(site), cwd=tmp_path)
    (page,) = (site / "issues").glob("*.html")
    html = page.read_text("utf-8")
    assert "نامه\u200cی فرهنگ" in html and "می\u200cشود" in html and "👩\u200d💻" in html
    assert "نامهی" not in html


@pytest.mark.parametrize("language, text, expected", [
    ("pl", "Od poniedziałku wiadukt na ul. Kolejowej będzie zamknięty. Objazd przez ul. Polną.",
     ["Od poniedziałku wiadukt na ul. Kolejowej będzie zamknięty.", "Objazd przez ul. Polną."]),
    ("pt", "A Dra. Fernanda Lima e o Sr. Paulo falaram na feira. Depois saíram.",
     ["A Dra. Fernanda Lima e o Sr. Paulo falaram na feira.", "Depois saíram."]),
    ("sv", "Vi ses bl.a. på torget kl. 18 i morgon. Sedan äter vi.",
     ["Vi ses bl.a. på torget kl. 18 i morgon.", "Sedan äter vi."]),
    ("ar", "قبل خمسين عاماً، كانت هذه الساحة سوقاً للحبوب. وقال المتحدث: سنبدأ العمل غداً.",
     ["قبل خمسين عاماً، كانت هذه الساحة سوقاً للحبوب.", "وقال المتحدث: سنبدأ العمل غداً."]),
    ("en", "A quiet film, dir. Ana Ruiz, about a harbour. It opens on Friday.",
     ["A quiet film, dir. Ana Ruiz, about a harbour.", "It opens on Friday."]),
    ("en", "The bridge closes from 6 a.m. Monday, March 23, until June. Detours are signed.",
     ["The bridge closes from 6 a.m. Monday, March 23, until June.", "Detours are signed."]),
    ("en", "The shop opens at 9 a.m. The queue starts earlier.",
     ["The shop opens at 9 a.m.", "The queue starts earlier."]),
    ("en", "Start with Ep. 31 · 54 min. It is the calmest.",
     ["Start with Ep. 31 · 54 min.", "It is the calmest."]),
    ("en", "See vol. 3, pp. 12–19, ch. 2 for the map. It is worth it.",
     ["See vol. 3, pp. 12–19, ch. 2 for the map.", "It is worth it."]),
    ("it", "Mercoledì catechesi con d. Paolo in oratorio. Ricordiamo Anna Rossi ved. Ferrari.",
     ["Mercoledì catechesi con d. Paolo in oratorio.", "Ricordiamo Anna Rossi ved. Ferrari."]),
    ("da", "Vi mødes kl. 10 ved broen, bl.a. med kaffe. Alle er velkomne.",
     ["Vi mødes kl. 10 ved broen, bl.a. med kaffe.", "Alle er velkomne."]),
    ("en", "Put ~/.local/bin on your PATH and the .venv folder in .gitignore. Then commit.",
     ["Put ~/.local/bin on your PATH and the .venv folder in .gitignore.", "Then commit."]),
    ("de", "Das St.-Anselm-Krankenhaus baut an. Dr.-Ing. Meier leitet den Bau.",
     ["Das St.-Anselm-Krankenhaus baut an.", "Dr.-Ing. Meier leitet den Bau."]),
    ("de", "Konzert am Fr., 14.08.2026 im Stadtpark. Karten ab 39 Euro.",
     ["Konzert am Fr., 14.08.2026 im Stadtpark.", "Karten ab 39 Euro."]),
    ("en", "Prices were right at 7 a.m. Eastern and can change. Check again.",
     ["Prices were right at 7 a.m. Eastern and can change.", "Check again."]),
    ("ja", "今日は晴れ。明日は雨。", ["今日は晴れ。", "明日は雨。"]),
    ("de", "Der Markt ist am zweiten Advent, am 5. und 6. Dezember. Es gibt Glühwein.",
     ["Der Markt ist am zweiten Advent, am 5. und 6. Dezember.", "Es gibt Glühwein."]),
    ("tr", "Şirket modelinin 2. sürümünü yayımladı. Fiyatlar değişmedi.",
     ["Şirket modelinin 2. sürümünü yayımladı.", "Fiyatlar değişmedi."]),
    ("id", "PT Lumbung Pangan Tbk. menjadi perusahaan ketiga yang IPO. Sahamnya naik.",
     ["PT Lumbung Pangan Tbk. menjadi perusahaan ketiga yang IPO.", "Sahamnya naik."]),
    ("uk", "Екскурсія в ботанічному саду ім. Фоміна. Вхід вільний.",
     ["Екскурсія в ботанічному саду ім. Фоміна.", "Вхід вільний."]),
    ("el", "Θέατρο, μουσική κ.λπ. από την Πέμπτη. Η είσοδος είναι ελεύθερη.",
     ["Θέατρο, μουσική κ.λπ. από την Πέμπτη.", "Η είσοδος είναι ελεύθερη."]),
    ("vi", "PGS.TS. Lê Minh Hoàng sẽ nói chuyện. Vào cửa tự do.",
     ["PGS.TS. Lê Minh Hoàng sẽ nói chuyện.", "Vào cửa tự do."]),
    ("en", "The ledger was compiled c. 1790, see fols. 3–41 and fol. 77. It survives.",
     ["The ledger was compiled c. 1790, see fols. 3–41 and fol. 77.", "It survives."]),
    ("fr", "Voir Dupont, op. cit., p. 251 et pp. 12–19. Il est clair.",
     ["Voir Dupont, op. cit., p. 251 et pp. 12–19.", "Il est clair."]),
    ("en", "We went in. 2 of us stayed out.", ["We went in.", "2 of us stayed out."]),
    ("en", "Die Versammlung ist am Samstag, 25. April in Bern. Alle sind eingeladen.",
     ["Die Versammlung ist am Samstag, 25. April in Bern.", "Alle sind eingeladen."]),
])
def test_a_sentence_is_not_cut_after_an_abbreviation_or_a_comma(language, text, expected):
    """pysbd cuts after "ul.", "Dra.", "bl.a." and, by its Arabic rules, at "،" and ":": the
    summary showed "…wiadukt na ul." and "كانت هذه الساحة…" without "fifty years ago"."""
    from digest.summarize.tokenizer import split_sentences

    assert split_sentences(text, language) == expected


def test_a_short_persian_text_is_persian_by_its_yeh_and_kaf_and_an_arabic_closing_signs(
        tmp_path):
    """Persian writes ی and ک (Arabic ي and ك) in nearly every sentence, also where none of
    پ چ ژ گ occurs; a closing ending with the Arabic comma "،" over a name is a sign-off."""
    from digest.segment.language import by_script

    assert by_script("برای لغو اشتراک به این نامه پاسخ دهید و کتاب‌ها را ببینید") == "fa"
    assert by_script("هذا الكتاب جميل جدا وأحبه كثيرا في كل يوم") == "ar"
    page = write(tmp_path / "nashra.html",
                 '<html lang="ar" dir="rtl"><body><h1>نشرة الحي</h1><p>افتتحت البلدية '
                 'حديقة جديدة قرب المدرسة، وفيها ملاعب للأطفال.</p><p>نلقاكم غداً،</p>'
                 '<p>فريق النشرة</p></body></html>')
    issue = segmented(page)
    assert [d.text for d in issue.dropped if d.kind == "signoff"] == ["نلقاكم غداً،",
                                                                      "فريق النشرة"]


@pytest.mark.parametrize("lang, title, line", [
    ("pt", "Café com Dados — edição 112", "8 de dezembro de 2026"),
    ("pt", "Café com Dados — edição 112", "terça-feira, 8 de dezembro de 2026"),
    ("ar", "النشرة الصباحية", "الخميس ٣ ديسمبر ٢٠٢٦"),
    ("ar", "النشرة الصباحية", "الجمعة ٤ كانون الأول ٢٠٢٦"),
    ("vi", "Cà Phê Sáng số 88", "Thứ Bảy, ngày 5 tháng 12 năm 2026"),
])
def test_a_date_line_written_with_joining_words_or_other_digits_is_no_subtitle(
        lang, title, line, tmp_path):
    """As "Tuesday, 8 December 2026" is: the issue's date, left out of its text."""
    page = write(tmp_path / "issue.html",
                 f'<html lang="{lang}"><body><h1>{title}</h1><p>{line}</p><p>Olá! مرحباً. '
                 f'Hoje falamos de dados abertos e de portos.</p></body></html>')
    issue = segmented(page)
    assert issue.dek is None
    assert ("byline", line) in {(d.kind, d.text) for d in issue.dropped}


def test_a_spanish_paid_posts_trial_offer_and_appeal_are_furniture(tmp_path):
    page = write(tmp_path / "calle.html",
                 '<html lang="es"><body><h1>Caminar la ciudad</h1><p>Una ciudad que no se puede '
                 "caminar es injusta, porque reparte el espacio a favor de quien tiene coche.</p>"
                 "<p>Calle Abierta es una publicación financiada por sus lectores. Para recibir "
                 "nuevos artículos, considera suscribirte.</p><h2>Sigue leyendo con una prueba "
                 "gratuita de 7 días</h2><p>Suscríbete a Calle Abierta para seguir leyendo este "
                 "artículo.</p></body></html>")
    issue = segmented(page)
    kept = " ".join([s.heading or "" for s in issue.sections] +
                    [p.text for s in issue.sections for p in s.paragraphs])
    assert "espacio a favor" in kept
    assert "financiada" not in kept and "prueba gratuita" not in kept and "seguir leyendo" \
        not in kept


DANISH_LETTER = """\
# Nyt fra roklubben, marts 2026

Kære medlemmer,

isen er væk fra søen, og nu kan vi endelig komme på vandet igen. Der er meget at se frem
til i foråret, og vi håber at se jer alle sammen til standerhejsningen. Bestyrelsen har
brugt vinteren på at gøre bådhallen klar, og vi siger tak til alle, der gav en hånd med.

## Kalender

20. marts: Frist for navneforslag til de nye både
28. marts: Standerhejsning kl. 10.00 på broen
4. april: Arbejdsdag på broen, kl. 9–13

## Nye både

Efter en lang vinter har klubben købt to nye både. De bliver døbt ved standerhejsningen,
og bagefter er der kaffe i klubhuset for alle, der har lyst.
"""


def test_a_danish_letter_is_danish_and_its_dated_lines_keep_their_day(tmp_path):
    """Danish writes "er", "en", "den", "der" as often as Dutch and German do: its own words
    tell it ("af", "efter", "nu", "jer"), and its sentences are cut by Danish rules; "20.
    marts" opening a line is a date, not entry 20 of a numbered list."""
    (issue,) = inspect(write(tmp_path / "2026-03-08.md", DANISH_LETTER))
    assert issue["language"] == "da"
    calendar = next(s for s in issue["sections"] if s["heading"] == "Kalender")
    assert [(i["number"], i["text"]) for i in calendar["items"]] == [
        (None, "20. marts: Frist for navneforslag til de nye både"),
        (None, "28. marts: Standerhejsning kl. 10.00 på broen"),
        (None, "4. april: Arbejdsdag på broen, kl. 9–13")]


@pytest.mark.parametrize("question, link", [
    ("Lukt het niet om deze e-mail goed te bekijken?", "Bekijk de online versie"),
    ("Não está conseguindo visualizar este e-mail?", "Clique aqui"),
    ("Kan du ikke se nyhedsbrevet?", "Se det i din browser"),
])
def test_a_question_and_its_link_opening_a_mail_are_chrome_in_any_language(
        question, link, tmp_path):
    """The line over an e-mail's masthead that asks whether it shows right and links to the
    web version, by its shape: a question and one link ending the line (no phrase data)."""
    page = tmp_path / "2026-03-05-letter.html"
    page.write_text(
        f'<html><body><p>{question} <a href="https://mail.example/web/5">{link}</a></p>'
        "<p><img src='logo.png' alt='Waterveen'></p><h1>Nummer 3</h1><p>Lorem ipsum dolor sit "
        "amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p>"
        "<p>Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi.</p>"
        "</body></html>", encoding="utf-8")
    issue = segmented(page)
    assert f"{question} {link}" in {d.text for d in issue.dropped if d.kind == "chrome"}
    assert issue.title == "Nummer 3"


MAILCHIMP_FOOTERS = {
    "de": ("Unsere Postanschrift lautet:", "Möchten Sie ändern, wie Sie diese E-Mails erhalten?"),
    "es": ("Nuestra dirección postal es:", "¿Quieres cambiar cómo recibes estos correos?"),
    "fr": ("Notre adresse postale est :",
           "Vous souhaitez modifier la façon dont vous recevez ces e-mails ?"),
    "it": ("Il nostro indirizzo postale è:", "Vuoi cambiare il modo in cui ricevi queste email?"),
    "nl": ("Ons postadres is:", "Wilt u wijzigen hoe u deze e-mails ontvangt?"),
    "pt": ("Nosso endereço postal é:", "Quer mudar como você recebe esses e-mails?"),
}


@pytest.mark.parametrize("language", sorted(MAILCHIMP_FOOTERS))
def test_mailchimps_footer_is_chrome_in_the_campaigns_language(language, tmp_path):
    """Mailchimp writes its footer in the campaign's language: its address label, the
    address under it and "want to change how you receive these emails?" were the last
    section's text (and its summary)."""
    label, change = MAILCHIMP_FOOTERS[language]
    body = (f'<html lang="{language}"><body><h1>Nummer 3</h1><h2>Eins</h2><p>Lorem ipsum dolor '
            "sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore "
            "et dolore magna aliqua.</p>" + "".join(
                f"<h2>Teil {n}</h2><p>Duis aute irure dolor in reprehenderit in voluptate velit "
                f"esse cillum dolore eu fugiat nulla pariatur, {n}.</p>" for n in range(6)) +
            "<h2>Zwei</h2><p>Ut enim ad minim veniam, quis nostrud "
            f"exercitation ullamco laboris nisi ut aliquip.</p><p>{label}<br>Verein Beispiel<br>"
            f"Postfach 150<br>7940 Waterveen</p><p>{change}</p><p><a href='https://verein.us1."
            "list-manage.com/profile?u=1'>Einstellungen</a> · <a href='https://verein.us1."
            "list-manage.com/unsubscribe?u=1&amp;id=2'>Abmelden</a></p></body></html>")
    path = tmp_path / "2026-03-05.eml"
    path.write_text(
        "From: Verein <news@verein.example>\nSubject: Nummer 3\n"
        "Date: Thu, 5 Mar 2026 08:00:00 +0000\n"
        "List-Unsubscribe: <https://verein.us1.list-manage.com/unsubscribe?u=1&id=2>\n"
        f"Content-Type: text/html; charset=utf-8\n\n{body}\n", encoding="utf-8")
    issue = segmented(path)
    chrome = {d.text for d in issue.dropped if d.kind == "chrome"}
    assert {label, change, "Postfach 150"} <= chrome
    assert [p.text for p in issue.sections[-1].paragraphs] == [
        "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip."]


def test_a_german_letter_saying_why_you_get_it_and_a_portuguese_ads_label_are_furniture(
        tmp_path):
    german = tmp_path / "2026-03-06-brief.html"
    german.write_text(
        '<html lang="de"><body><h1>Elternbrief</h1><h2>Termine</h2><p>Der Elternabend der '
        "Klasse 1a findet am Dienstag um 19:30 Uhr in der Aula statt.</p><p>Sie erhalten diesen "
        "Elternbrief, weil Sie sich bei der Anmeldung für den E-Mail-Versand entschieden "
        "haben.</p></body></html>", encoding="utf-8")
    assert "chrome" in {d.kind for d in segmented(german).dropped if d.text.startswith("Sie")}
    portuguese = tmp_path / "2026-03-10-edicao.html"
    portuguese.write_text(
        '<html lang="pt"><body><h1>Edição 31</h1><h2>Vagas na rede</h2><p>A Agrosolo procura '
        "uma pessoa desenvolvedora em Goiânia, e a Pagueli abriu uma vaga remota.</p>"
        "<p>OFERECIMENTO</p><p>Conta PJ do Banco Ipê: sem mensalidade no primeiro ano para "
        "startups da rede.</p><h2>Agenda</h2><p>O Demo Day será no dia 18 de abril, no centro "
        "de inovação.</p></body></html>", encoding="utf-8")
    issue = segmented(portuguese)
    (ad,) = [s for s in issue.sections if s.role == "sponsored"]
    assert ad.paragraphs[0].text.startswith("Conta PJ")


@pytest.mark.parametrize("language, line", [
    ("de", "Am 15.11.2026 um 18:02 schrieb Jonas Pell <jonas@pell.example>:"),
    ("fr", "Le dim. 15 nov. 2026 à 18:02, Jonas Pell <jonas@pell.example> a écrit :"),
    ("es", "El dom, 15 nov 2026 a las 18:02, Jonas Pell <jonas@pell.example> escribió:"),
    ("nl", "Op zo 15 nov 2026 om 18:02 schreef Jonas Pell <jonas@pell.example>:"),
])
def test_a_replys_line_over_what_it_quotes_is_chrome_in_its_language(language, line, tmp_path):
    """It names the quoted writer's address, which the site does not publish."""
    from html import escape

    after = (f"<p>{escape(line)}</p><blockquote><p>Ut enim ad minim veniam, quis nostrud "
             "exercitation.</p></blockquote>")
    assert line in chrome_of(tmp_path, language, after)


def chrome_of(tmp_path: Path, language: str, after: str) -> set[str]:
    """The chrome of a page in `language`: a heading, a paragraph, then `after`."""
    page = tmp_path / "2026-11-16-letter.html"
    page.write_text(
        f'<html lang="{language}"><body><h1>Nummer 12</h1><h2>Eins</h2><p>Lorem ipsum dolor '
        "sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
        f"dolore magna aliqua.</p>{after}</body></html>", encoding="utf-8")
    return {d.text for d in segmented(page).dropped if d.kind == "chrome"}


def test_a_right_to_left_title_in_an_english_sites_lists_keeps_its_language_and_direction(
        tmp_path):
    """In the archive and a newsletter's list a Hebrew title followed by its newsletter's
    name showed in the wrong order: each title carries its language and `dir="auto"`."""
    from _letters import build_one
    from bs4 import BeautifulSoup

    text = ("---\ntitle: גיליון 142 – גינה קהילתית חדשה\ndate: 2026-03-13\n---\n\n## הגינה\n\n"
            "הגינה הקהילתית ברחוב הארזים נפתחה השבוע, ועשרות שכנים הגיעו לשתול.\n")
    site = build_one(tmp_path, "neve-arazim", "142.md", text)
    for page in (site / "archive.html", *(site / "newsletters").glob("*.html")):
        soup = BeautifulSoup(page.read_text(), "html.parser")
        link = soup.find("a", string="גיליון 142 – גינה קהילתית חדשה")
        assert (link.get("lang"), link.get("dir")) == ("he", "auto"), page.name


@pytest.mark.parametrize("language, line", [
    ("ko", "이번 주 코드산책은 여기까지입니다. 다음 주에 또 만나요!"),
    ("th", "แล้วพบกันใหม่สัปดาห์หน้านะคะ"),
    ("hi", "आज के लिए बस इतना ही। कल फिर मिलेंगे!"),
    ("vi", "Hẹn gặp lại các bạn vào thứ Sáu tuần sau!"),
    ("ar", "هذا كل شيء لهذا الأسبوع. إذا أعجبك العدد، أرسله إلى صديق مهتم بالبرمجة."),
])
def test_a_closing_line_is_furniture_in_its_language(language, line, tmp_path):
    after = ("<h2>Zwei</h2><p>Ut enim ad minim veniam, quis nostrud exercitation ullamco "
             f"laboris.</p><p>{line}</p>")
    assert line in chrome_of(tmp_path, language, after)


@pytest.mark.parametrize("language, heading, marker", [
    ("ja", "■３．【ＰＲ】地元の味をお取り寄せ", None),
    ("zh", "社區活動", "贊助夥伴"),
    ("th", "ร้านใหม่", "สนับสนุนโดย"),
])
def test_an_advertisement_is_marked_in_its_language(language, heading, marker, tmp_path):
    """A label in brackets opening a heading ("【ＰＲ】"), or a marker line alone over the
    advertisement, as each language writes it."""
    ad = "<p>Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.</p>"
    body = f"<h2>{heading}</h2>" + (f"<p>Lorem ipsum dolor sit amet.</p><p>{marker}</p>"
                                    if marker else "") + ad
    page = tmp_path / "2026-03-14-letter.html"
    page.write_text(f'<html lang="{language}"><body><h1>Nummer 12</h1><h2>Eins</h2><p>Lorem '
                    "ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor."
                    f"</p>{body}<h2>Drei</h2><p>Duis aute irure dolor in reprehenderit.</p>"
                    "</body></html>", encoding="utf-8")
    (sponsored,) = [s for s in segmented(page).sections if s.role == "sponsored"]
    assert [p.text for p in sponsored.paragraphs][-1].startswith("Ut enim ad minim veniam")


WRAPPED_JAPANESE = """━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
　みどり公園だより　第１２号
　　　　　　　　２０２６年３月１４日発行
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

こんにちは、公園管理事務所の佐藤です。春の花壇の植え替えが終わり、
入口のチューリップが咲きはじめました。今月は植樹祭と写真展のご案
内をお届けします。

■植樹祭のお知らせ

今年の植樹祭は、北側の広場で開きます。苗木は事務所で用意しますの
で、手ぶらでお越しください。小学生以下のお子さまには、記念のしお
りをお渡しします。

・日時：３月２８日（土）１０時から
・場所：北側広場
・持ち物：軍手と飲み物

■写真展

公園で撮った写真を、四月の一か月間、管理棟のロビーに飾ります。
応募は一人三枚まで、三月末まで受け付けています。
"""


def test_japanese_plain_text_wrapped_at_a_fixed_width_reads_as_paragraphs(tmp_path):
    """A mail magazine wraps every line at a width counted in columns (two for each wide
    character), and joins nothing with spaces: a wrapped line runs on without one, an
    indented line (a masthead's) does not run on, and "・" opens a list entry."""
    from _letters import mail

    from digest.ingest import read_bytes
    from digest.summarize import SummaryConfig, summarize_issue

    message = mail(WRAPPED_JAPANESE, "みどり公園だより <news@midori.example>",
                   "みどり公園だより 第12号", "Sat, 14 Mar 2026 09:00:00 +0900", subtype="plain")
    (issue,), _ = segment_document(read_bytes("12.eml", message), *load_profiles())
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert "今年の植樹祭は、北側の広場で開きます。苗木は事務所で用意しますので、手ぶらでお越し" \
        "ください。小学生以下のお子さまには、記念のしおりをお渡しします。" in texts
    festival = next(s for s in issue.sections if s.heading and "植樹祭" in s.heading)
    assert [i.text for i in festival.items] == [
        "日時：３月２８日（土）１０時から", "場所：北側広場", "持ち物：軍手と飲み物"]
    digest = summarize_issue(issue, SummaryConfig())
    chosen = [s for sentences in digest.split.values() for s in sentences]
    assert all(s.endswith("。") for s in chosen if s.startswith(("今年", "公園で")))


def test_a_german_disclaimer_is_furniture_and_the_closing_above_it_a_sign_off(tmp_path):
    disclaimer = ("Hinweis: Die Beiträge in dieser Mandanteninformation sind nach bestem Wissen "
                  "verfasst. Sie ersetzen keine individuelle Beratung. Eine Haftung für den "
                  "Inhalt wird nicht übernommen.")
    after = ("<p>Mit freundlichen Grüßen</p><p>Ihr Team der Kanzlei Brenner &amp; Stolz</p>"
             f"<p>{disclaimer}</p>")
    assert disclaimer in chrome_of(tmp_path, "de", after)
    page = tmp_path / "2026-11-16-letter.html"
    signed = {d.text for d in segmented(page).dropped if d.kind == "signoff"}
    assert signed == {"Mit freundlichen Grüßen", "Ihr Team der Kanzlei Brenner & Stolz"}


@pytest.mark.parametrize("language, line", [
    ("de", "Du bekommst diese E-Mail, weil du dich für den Werkstattbrief eingetragen hast."),
    ("fr", "Vous recevez Carnet d'Ombres parce que vous êtes membre gratuit du site."),
])
def test_a_line_saying_why_the_reader_gets_the_letter_is_chrome_in_its_language(
        language, line, tmp_path):
    page = tmp_path / "2026-11-28-letter.html"
    page.write_text(
        f'<html lang="{language}"><body><h1>Nummer 12</h1><h2>Eins</h2><p>Lorem ipsum dolor '
        "sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore "
        f"et dolore magna aliqua.</p><p>{line}</p></body></html>", encoding="utf-8")
    assert line in {d.text for d in segmented(page).dropped if d.kind == "chrome"}


def test_a_spanish_postscript_under_the_name_keeps_the_closing_a_sign_off(tmp_path):
    page = tmp_path / "47.md"
    page.write_text("---\nlang: es\n---\n# Cartas desde la azotea 47\n\nEsta semana subí "
                    "por fin las macetas nuevas a la azotea y planté los tomates.\n\n"
                    "Un abrazo fuerte,\n\nLucía\n\nP.D.: Si alguien tiene una carretilla, "
                    "le invito a horchata.\n", encoding="utf-8")
    dropped = {d.text: d.kind for d in segmented(page).dropped}
    assert dropped.get("Un abrazo fuerte,") == dropped.get("Lucía") == "signoff"


@pytest.mark.parametrize("language, sentence", [
    ("fr", "En attendant, elle a bien voulu répondre à nos trois questions."),
    ("es", "Mientras tanto, el ayuntamiento cerró la biblioteca."),
    ("nl", "Ondertussen sloot de gemeente de bibliotheek."),
    ("de", "Im Anschluss spricht sie mit dem Vorstand."),
])
def test_meanwhile_in_these_languages_leans_on_what_came_before(language, sentence):
    from digest.summarize.standalone import leans_on_context, words

    assert leans_on_context(sentence, lexicon=words(language)) is not None


def test_portuguese_is_told_by_its_own_words_beside_a_note_in_english():
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    text = ("# Boletim da Horta nº 9\n\nOlá a todas e todos. Neste número falamos com a equipa "
            "que cuida da horta comunitária, e ainda há notícias da feira de sementes.\n\n"
            "## A horta\n\nA rega passou a ser feita ao fim do dia, com água da chuva "
            "guardada em dois depósitos. Já temos couves, alfaces e ervilhas, e até ao fim "
            "do mês vamos plantar batatas onde antes havia relva.\n\n## Para quem não fala "
            "português\n\nFor our English-speaking members: the garden is open on Saturday "
            "mornings, and the seed fair is on the 21st at the school.\n")
    (issue,), _ = segment_document(read_bytes("9.md", text.encode()), *load_profiles())
    assert issue.language == "pt"
