"""Romanian, Hungarian, Finnish, Swahili and Bengali letters: read in their language (by their
words, or Bengali by its script, when they do not say it), dated by their month names
(Hungarian writes the year first, Finnish the month in the partitive, Bengali its own
digits), their footers, sponsor markers, credits and closings known by the phrase tables of
that language, and their sentences not cut after their abbreviations. Fixtures written here."""

from __future__ import annotations

import datetime as dt

import pytest
from _letters import issue_of, mail

from digest.datewords import written_date
from digest.segment import load_profiles
from digest.segment.language import common_words, reading_line, reading_time
from digest.summarize.tokenizer import split_sentences


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def dropped(issue) -> dict[str, str]:
    return {d.text: d.kind for d in issue.dropped}


def texts(issue) -> list[str]:
    return [p.text for s in issue.sections for p in s.paragraphs]


def sponsors(issue) -> list[str | None]:
    return [s.sponsor for s in issue.sections if s.role == "sponsored"]


ROMANIAN = """\
GAZETA CARTIERULUI
Vineri, 6 martie 2026 | Numărul 42

Bună ziua, vecini!

În numărul de azi vă spunem ce se întâmplă cu parcul de pe strada Teilor și când se deschide
piața de flori. Sunt și câteva anunțuri de la asociația de proprietari.

PARCUL TEILOR

Lucrările din parc s-au terminat joi, după aproape două luni. Primăria a montat bănci noi, un
loc de joacă pentru copiii mici și patru fântâni. Potrivit lui dl. Radu Ionescu, viceprimarul
sectorului, parcul va fi deschis zilnic între orele 7 și 22. Cei care au cerut mai multă
lumină pe aleea principală o vor avea până la sfârșitul lunii.

Foto: Mihaela Stan

PIAȚA DE FLORI

Piața de flori de lângă biserică se deschide sâmbătă, ca în fiecare an înainte de 8 martie.
Producătorii vin din toată țara, iar prețurile sunt mai mici decât în florării.

--- PARTENER ---

Ediția de azi este susținută de Brutăria Spicul, cu pâine caldă în fiecare dimineață.
Cititorii noștri primesc o reducere de zece la sută toată luna.

Atât pentru azi. Ne vedem vinerea viitoare!

Ai primit acest e-mail pentru că te-ai abonat la Gazeta Cartierului.
Dezabonare: https://gazeta.example/dezabonare
"""


def test_a_romanian_letter_is_read_as_romanian_dated_and_loses_its_furniture(profiles):
    issue = issue_of("gazeta.txt", ROMANIAN.encode(), profiles)
    assert (issue.language, issue.date) == ("ro", dt.date(2026, 3, 6))
    kinds = dropped(issue)
    assert kinds["Foto: Mihaela Stan"] == "credit"
    assert kinds["Ai primit acest e-mail pentru că te-ai abonat la Gazeta Cartierului."] == \
        "chrome"
    assert kinds["Atât pentru azi. Ne vedem vinerea viitoare!"] == "chrome"
    assert sponsors(issue) == ["Brutăria Spicul"]


SWAHILI = """\
<html><head><title>Sauti ya Mtaa — Toleo la 31</title></head><body>
<h1>Sauti ya Mtaa</h1>
<p>Ijumaa, 6 Machi 2026 · Toleo Na. 31</p>
<p>Habari za leo, wasomaji wetu!</p>
<p>Wiki hii tuna habari kuhusu soko jipya la samaki, maji safi katika shule za msingi na
mashindano ya mpira wa miguu ya vijana. Karibu usome.</p>
<h2>Soko jipya la samaki</h2>
<p>Halmashauri ya mji imefungua soko jipya la samaki karibu na bandari ndogo. Soko hilo lina
meza sitini na sehemu ya kuhifadhi barafu. Mwenyekiti wa wavuvi alisema bei ya dagaa
inatarajiwa kushuka kwa sababu wavuvi hawatalazimika tena kusafiri hadi mjini kila siku.</p>
<p>Picha: Amina Juma</p>
<h2>Maji safi shuleni</h2>
<p>Shule nne za msingi sasa zina matangi mapya ya maji ya mvua. Mganga wa kituo cha afya
anasema magonjwa ya tumbo yamepungua tangu mwezi uliopita, na wazazi wamefurahi sana.</p>
<p><strong>MDHAMINI WA WIKI HII</strong></p>
<p>Duka la Vitabu Kisiwani linauza vitabu vya shule kwa punguzo la asilimia kumi mwezi huu
wote.</p>
<h2>Michezo</h2>
<p>Timu ya vijana ya mtaa wetu ilishinda mabao mawili kwa moja katika fainali ya kombe la
wilaya siku ya Jumapili.</p>
<p>Hadi wiki ijayo, endelea kuwa salama.</p>
<p>Umepokea barua pepe hii kwa sababu ulijiandikisha kwenye tovuti yetu.</p>
<p>Hakimiliki © 2026 Sauti ya Mtaa. Haki zote zimehifadhiwa.</p>
</body></html>
"""


def test_a_swahili_letter_is_read_as_swahili_dated_and_loses_its_furniture(profiles):
    issue = issue_of("sauti.html", SWAHILI.encode(), profiles)
    assert (issue.language, issue.date) == ("sw", dt.date(2026, 3, 6))
    kinds = dropped(issue)
    assert kinds["Picha: Amina Juma"] == "credit"
    assert kinds["MDHAMINI WA WIKI HII"] == "chrome"
    for line in ("Hadi wiki ijayo, endelea kuwa salama.",
                 "Umepokea barua pepe hii kwa sababu ulijiandikisha kwenye tovuti yetu.",
                 "Hakimiliki © 2026 Sauti ya Mtaa. Haki zote zimehifadhiwa."):
        assert kinds[line] == "chrome"
    assert [[p.text for p in s.paragraphs] for s in issue.sections if s.role == "sponsored"] \
        == [["Duka la Vitabu Kisiwani linauza vitabu vya shule kwa punguzo la asilimia kumi "
             "mwezi huu wote."]]


FINNISH = """\
# Kaupunginosalehti 14

Perjantai 6. maaliskuuta 2026

Hei kaikki!

Tällä viikolla kerromme uudesta kirjastosta ja kevään siivoustalkoista. Mukana on myös pari
tapahtumaa, jotka kannattaa merkitä kalenteriin jo nyt.

## Kirjasto muuttaa

Kirjasto muuttaa huhtikuussa vanhaan postitaloon torin laidalle. Uudet tilat ovat kaksi
kertaa nykyistä suuremmat, ja niissä on myös hiljainen lukusali. Kirjastonjohtajan mukaan
ovet avataan ensimmäisen kerran maanantaina, ja kaikki ovat tervetulleita.

Kuva: Juha Lehtonen

## Siivoustalkoot

Talkoot pidetään lauantaina puistossa. Ota mukaan omat hanskat, sillä niitä on jaossa vain
kaksikymmentä paria.

**Kumppanina tällä viikolla: Leipomo Kaura**

Leipomo Kaura leipoo ruisleipää joka aamu. Näyttämällä tämän kirjeen kassalla saat kahvin
kaupan päälle.

---

Sait tämän viestin, koska tilasit uutiskirjeemme. Jos et halua enää saada viestejä, voit
perua tilauksen milloin tahansa.
"""


def test_a_finnish_letter_is_read_as_finnish_dated_and_loses_its_furniture(profiles):
    issue = issue_of("2026-lehti.md", FINNISH.encode(), profiles)
    assert (issue.language, issue.date) == ("fi", dt.date(2026, 3, 6))
    kinds = dropped(issue)
    assert kinds["Perjantai 6. maaliskuuta 2026"] == "byline"
    assert kinds["Kuva: Juha Lehtonen"] == "credit"
    assert any(text.startswith("Sait tämän viestin") and kind == "chrome"
               for text, kind in kinds.items())
    assert sponsors(issue) == ["Leipomo Kaura"]


HUNGARIAN = """\
<html><body>
<h1>Kerületi Hírek</h1>
<p>2026. március 6., péntek</p>
<p>Kedves Olvasóink!</p>
<p>Ebben a számban a felújított játszótérről és a tavaszi lomtalanításról írunk. Már most
érdemes bejelölni a naptárban, mert a lomtalanítás csak egy napig tart.</p>
<h2>Megújult a játszótér</h2>
<p>A Fő utcai játszótér felújítása a múlt héten véget ért. Új hinták, homokozó és ivókút várja
a gyerekeket. Az alpolgármester szerint a munkát az önkormányzat és egy pályázat közösen
fizette, amely már tavaly ősszel elkezdődött.</p>
<p>Fotó: Tóth Gergely</p>
<h2>Lomtalanítás</h2>
<p>A tavaszi lomtalanítás április elején lesz. A lomokat csak a kijelölt napon szabad kitenni
a ház elé, mert ezt a hatóság ellenőrzi.</p>
<p>Támogatónk</p>
<p>A Sarokpékség minden reggel friss kiflivel és kávéval várja a környéken lakókat.</p>
<h2>Tagdíj</h2>
<p>Az éves tagdíj idén is háromezer forint, amelyet bármelyik programunkon be lehet fizetni.</p>
<p>Üdvözlettel:<br>Nagy Katalin<br>főszerkesztő</p>
<p>Ezt a levelet azért kaptad, mert feliratkoztál a Kerületi Hírek hírlevelére.</p>
<p>Minden jog fenntartva.</p>
</body></html>
"""


def test_a_hungarian_letter_is_read_as_hungarian_dated_year_first_and_signed_with_a_colon(
        profiles):
    issue = issue_of("keruleti.html", HUNGARIAN.encode(), profiles)
    assert (issue.language, issue.date) == ("hu", dt.date(2026, 3, 6))
    kinds = dropped(issue)
    assert kinds["2026. március 6., péntek"] == "byline"
    assert kinds["Fotó: Tóth Gergely"] == "credit"
    assert kinds["Támogatónk"] == "chrome"
    assert kinds["Üdvözlettel:"] == "signoff"  # a Hungarian closing ends in a colon
    assert kinds["Ezt a levelet azért kaptad, mert feliratkoztál a Kerületi Hírek hírlevelére."] \
        == "chrome"
    assert [[p.text for p in s.paragraphs] for s in issue.sections if s.role == "sponsored"] \
        == [["A Sarokpékség minden reggel friss kiflivel és kávéval várja a környéken lakókat."]]
    assert "Az éves tagdíj idén is háromezer forint, amelyet bármelyik programunkon be lehet " \
        "fizetni." in texts(issue)


BENGALI = """\
পাড়ার খবর — সাপ্তাহিক চিঠি
সংখ্যা ১২ | ৬ মার্চ ২০২৬ | ২২ ফাল্গুন ১৪৩২

প্রিয় প্রতিবেশীরা,

এই সপ্তাহে আমাদের পাড়ায় নতুন পাঠাগার খুলেছে, আর রবিবার থেকে বাজারের সময় বদলাচ্ছে।
বিস্তারিত নিচে দেওয়া হল।

নতুন পাঠাগার
------------

মোড়ের পুরোনো ডাকঘরের বাড়িতে শনিবার নতুন পাঠাগার খুলেছে। পাঠাগার রোজ বিকেল চারটে থেকে
রাত আটটা পর্যন্ত খোলা থাকবে, আর সদস্য হতে কোনো চাঁদা লাগবে না।

ছবি: রাহুল দত্ত

বাজারের সময়
-----------

বাজার এখন সাতটায় বসবে, সন্ধ্যার বাজার আগের মতোই চলবে।

মাঠের কাজ
---------

পুকুরপাড়ের মাঠে নতুন বেঞ্চ বসানো হয়েছে। ছোটদের খেলার জায়গাও ঘিরে দেওয়া হয়েছে।
"""


def test_a_bengali_letter_is_known_by_its_script_and_dated_by_its_digits_and_month(profiles):
    issue = issue_of("parar-khobor.txt", BENGALI.encode(), profiles)
    assert (issue.language, issue.date) == ("bn", dt.date(2026, 3, 6))
    assert dropped(issue)["ছবি: রাহুল দত্ত"] == "credit"
    # A short clause, a comma and a short clause closing with the danda is a sentence, not a
    # closing over a name: the section keeps it.
    assert "বাজার এখন সাতটায় বসবে, সন্ধ্যার বাজার আগের মতোই চলবে।" in texts(issue)


def test_a_masthead_written_with_accents_is_the_newsletters_name_its_list_spells_in_ascii(
        profiles, tmp_path):
    """A list's name is ASCII only ("Dimineata la tara" for "Dimineața la țară"): the masthead
    that writes it with its accents is still the newsletter's name, not the issue's title
    nor a section, and the subject titles the issue."""
    from digest.ingest import read_file
    from digest.segment import segment_document

    text = ("Dacă nu vezi corect acest e-mail, citește-l online: https://tara.example/azi\n\n"
            "====================\nDIMINEAȚA LA ȚARĂ\n====================\n\n"
            "Bună dimineața! Astăzi vă spunem ce s-a hotărât la consiliul local și când se "
            "deschide târgul de primăvară din centrul comunei.\n\nCONSILIUL\n---------\n\n"
            "Consilierii au votat joi bugetul pentru drumuri și pentru noua grădiniță, după o "
            "ședință care a durat patru ore.\n")
    message = mail(text, "Dimineața la țară <stiri@comuna.example>", "Bugetul a fost votat",
                   "Fri, 06 Mar 2026 07:00:00 +0200", subtype="plain",
                   List_Id="Dimineata la tara <stiri.comuna.example>")
    folder = tmp_path / "dimineata-la-tara"
    folder.mkdir()
    (folder / "2026-03-06.eml").write_bytes(message)
    (issue,), _ = segment_document(read_file(folder / "2026-03-06.eml", root=tmp_path),
                                   *profiles)
    assert issue.title == "Bugetul a fost votat"
    assert dropped(issue)["DIMINEAȚA LA ȚARĂ"] == "chrome"
    assert [s.heading for s in issue.sections] == [None, "CONSILIUL"]


@pytest.mark.parametrize("text, date", [
    ("Vineri, 6 martie 2026", dt.date(2026, 3, 6)),
    ("1 decembrie 2026", dt.date(2026, 12, 1)),
    ("13. maaliskuuta 2026", dt.date(2026, 3, 13)),
    ("Maanantai 2. marraskuuta 2026", dt.date(2026, 11, 2)),
    ("Jumamosi, 14 Machi 2026", dt.date(2026, 3, 14)),
    ("3 Agosti 2026", dt.date(2026, 8, 3)),
    ("১৪ মার্চ ২০২৬", dt.date(2026, 3, 14)),
    ("৩ আগষ্ট ২০২৬", dt.date(2026, 8, 3)),
    ("5 জানুয়ারি 2027", dt.date(2027, 1, 5)),
    ("2026. március 14.", dt.date(2026, 3, 14)),
    ("2026. március 13., péntek", dt.date(2026, 3, 13)),
    ("Budapest, 2026. szept. 3.", dt.date(2026, 9, 3)),
    ("2026. május 9-én", dt.date(2026, 5, 9)),
])
def test_month_names_of_five_more_languages_date_a_line(text, date):
    assert written_date(text) == date


@pytest.mark.parametrize("text", [
    "২৯ ফাল্গুন ১৪৩২",  # the Bengali calendar's year is no Gregorian one
    "In 2026 March 3 people joined the board.",  # a year, a month and a number: no date
])
def test_no_date_is_read_where_none_is_written(text):
    assert written_date(text) is None


@pytest.mark.parametrize("language", ["ro", "hu", "fi", "sw"])
def test_a_language_read_by_its_words_has_forty_of_its_own(language):
    assert sum(code == language for code in common_words().values()) >= 40


@pytest.mark.parametrize("language, text, expected", [
    ("ro", "A vorbit dl. Radu Ionescu, viceprimarul. Investiția, de aprox. 28 de milioane, "
           "începe în mai.",
     ["A vorbit dl. Radu Ionescu, viceprimarul.",
      "Investiția, de aprox. 28 de milioane, începe în mai."]),
    ("sw", "Bw. Salim Omari alisema soko litafunguliwa. Dkt. Rehema Mushi alikubali. Ujenzi "
           "uligharimu Sh. 250,000 pekee. Hili ni Toleo Na. 31 la jarida.",
     ["Bw. Salim Omari alisema soko litafunguliwa.", "Dkt. Rehema Mushi alikubali.",
      "Ujenzi uligharimu Sh. 250,000 pekee.", "Hili ni Toleo Na. 31 la jarida."]),
    ("fi", "Mukana on ns. Hiljainen huone. Tapaaminen on ti 17.3. klo 18 kirjastossa. "
           "Ovet avataan klo. 17.",
     ["Mukana on ns. Hiljainen huone.", "Tapaaminen on ti 17.3. klo 18 kirjastossa.",
      "Ovet avataan klo. 17."]),
    ("hu", "Helyszín: Pais Dezső u. 2. A részvétel ingyenes. Tavaly kb. 80 fajta cserélt "
           "gazdát.",
     ["Helyszín: Pais Dezső u. 2.", "A részvétel ingyenes.",
      "Tavaly kb. 80 fajta cserélt gazdát."]),
    ("bn", "বক্তা ড. শর্মিষ্ঠা বসু, যিনি বহু বছর ধরে গবেষণা করছেন। প্রবেশ অবাধ।",
     ["বক্তা ড. শর্মিষ্ঠা বসু, যিনি বহু বছর ধরে গবেষণা করছেন।", "প্রবেশ অবাধ।"]),
])
def test_a_sentence_is_not_cut_after_an_abbreviation_of_these_languages(language, text,
                                                                         expected):
    assert split_sentences(text, language) == expected


def _merged(language: str):
    from digest.segment.profiles import load_platforms, with_platform

    generic, _ = load_platforms()
    return with_platform(load_profiles()[0], generic, None, [], language)


@pytest.mark.parametrize("language, sentence", [
    ("ro", "Am primit acest e-mail de la o cititoare din Iași."),
    ("ro", "Atât pentru azi, cât și pentru mâine, meteorologii anunță ploi."),
    ("ro", "Dezabonarea de la serviciile de cablu a crescut anul trecut."),
    ("ro", "Modifică setările telefonului înainte de călătorie."),
    ("hu", "Ezt a levelet egy olvasónk küldte, aki a parkról kérdezett."),
    ("hu", "Leiratkozás a kurzusról március 1-ig lehetséges."),
    ("hu", "Ha nem szeretnél levelet írni, telefonon is jelentkezhetsz."),
    ("fi", "Jos et halua saada sakkoa, pysäköi oikein."),
    ("fi", "Tämä viesti lähetettiin presidentille jo viime viikolla."),
    ("fi", "Päivitä asetukset ennen julkaisua, muuten muutokset katoavat."),
    ("sw", "Kujiondoa kwa nchi hiyo kwenye mkataba kulishangaza wengi."),
    ("sw", "Kama hutaki kupokea simu za matapeli, zuia namba hizo."),
    ("sw", "Hadi wiki ijayo, serikali itatoa ripoti kamili ya mvua."),
    ("bn", "ক্লাবের সদস্যপদ বাতিল করা হয়েছে।"),
])
def test_a_story_sentence_is_no_footer_in_these_languages(language, sentence):
    assert _merged(language).drop["chrome"][-1].search(sentence) is None


@pytest.mark.parametrize("language, line", [
    ("ro", "Dacă nu vezi corect acest e-mail, citește-l online:"),
    ("ro", "Ai primit acest email pentru ca te-ai abonat pe site."),  # written without accents
    ("ro", "Primeşti acest newsletter pentru că eşti membru al asociaţiei."),  # cedillas
    ("hu", "Megnyitás böngészőben"),
    ("hu", "Leiratkozás a hírlevélről"),
    ("fi", "Katso selaimessa"),
    ("fi", "Peru tilaus"),
    ("sw", "Tazama barua pepe hii kwenye kivinjari chako"),
    ("sw", "Ikiwa hutaki tena kupokea barua pepe hizi, jiondoe hapa."),
    ("bn", "আপনি এই ইমেলটি পাচ্ছেন কারণ আপনি আমাদের তালিকায় আছেন।"),
    ("bn", "আনসাবস্ক্রাইব করুন"),
])
def test_a_footer_line_of_these_languages_is_chrome(language, line):
    assert _merged(language).drop["chrome"][-1].search(line) is not None


@pytest.mark.parametrize("language, line, sponsor", [
    ("ro", "--- PARTENER ---", None),
    ("ro", "Susținut de Librăria Cărturești", "Librăria Cărturești"),
    ("hu", "Támogatónk: Sarokpékség", "Sarokpékség"),
    ("fi", "Kumppanina tällä viikolla: Leipomo Kaura", "Leipomo Kaura"),
    ("fi", "Mainos", None),
    ("sw", "MDHAMINI WA WIKI HII", None),
    ("sw", "Imedhaminiwa na Duka la Vitabu", "Duka la Vitabu"),
    ("bn", "বিজ্ঞাপন", None),
])
def test_a_sponsor_marker_of_these_languages_marks_an_advertisement(language, line, sponsor):
    from digest.segment.sponsors import sponsor_of

    assert sponsor_of(line, _merged(language)) == (True, sponsor)


@pytest.mark.parametrize("language, sentence", [
    ("ro", "Prezentarea a fost făcută de primar."),
    ("hu", "Támogatónk volt a városi könyvtár is, amikor elkezdtük."),
    ("fi", "Kumppanina toimii kaupungin liikuntatoimi, joka maksaa vuokran."),
    ("sw", "Mdhamini wa timu hiyo alitoa jezi mpya kwa wachezaji wote."),
])
def test_a_sponsor_word_opening_a_story_sentence_marks_no_advertisement(language, sentence):
    from digest.segment.sponsors import sponsor_of

    assert sponsor_of(sentence, _merged(language)) == (False, None)


@pytest.mark.parametrize("language, line", [
    ("fa", "۱۴ مارس ۲۰۲۶ · زمان مطالعه: ۶ دقیقه"),
    ("fa", "۶ دقیقه مطالعه"),
    ("ro", "5 min de citit"),
    ("hu", "Olvasási idő: 4 perc"),
    ("fi", "6 min lukuaika"),
    ("sw", "Muda wa kusoma: dakika 5"),
    ("bn", "৫ মিনিটে পড়ুন"),
])
def test_a_reading_time_in_these_languages_is_a_line_of_furniture(language, line):
    assert reading_line(language).match(line)


def test_a_persian_posts_date_and_reading_time_line_is_no_text(profiles):
    html = ('<html lang="fa" dir="rtl"><body><h1>خبرنامهٔ کتاب‌خوان — شمارهٔ ۳۰</h1>'
            '<p>۶ مارس ۲۰۲۶ · زمان مطالعه: ۴ دقیقه</p>'
            '<p>سلام به همهٔ کتاب‌خوان‌ها! این هفته دربارهٔ سه رمان تازه و یک نمایشگاه کتاب '
            'نوشته‌ایم.</p><h2>رمان‌های تازه</h2><p>سه رمان تازه این ماه منتشر شده است که '
            'هر سه دربارهٔ زندگی در شهرهای کوچک است.</p></body></html>')
    issue = issue_of("ketabkhan.html", html.encode(), profiles)
    assert "۶ مارس ۲۰۲۶ · زمان مطالعه: ۴ دقیقه" in dropped(issue)
    assert not any("زمان مطالعه" in text for text in texts(issue))


def test_a_reading_time_label_takes_its_number_either_side_of_its_unit():
    assert reading_time("sw").search("Muda wa kusoma: dakika 5")
    assert reading_time("en").search("Read time: 4 minutes")
    assert not reading_time("sw").search("Muda wa kusoma ni mfupi")
