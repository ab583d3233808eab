"""Swedish, Indonesian, Vietnamese, Persian, Arabic, Polish, Hebrew and Thai letters: read in
their language (by their words when they do not say it), dated by their month names, and
their credits, sponsor markers and footers known by the phrase tables of that language."""

from __future__ import annotations

import datetime as dt

import pytest
from _letters import issue_of

from digest.datewords import written_date
from digest.segment import load_profiles
from digest.segment.language import common_words


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def dropped(issue) -> dict[str, str]:
    return {d.text: d.kind for d in issue.dropped}


def texts(issue) -> list[str]:
    return [p.text for s in issue.sections for p in s.paragraphs]


def sponsored(issue) -> list[tuple[str | None, list[str]]]:
    return [(s.sponsor, [p.text for p in s.paragraphs]) for s in issue.sections
            if s.role == "sponsored"]


SWEDISH = """\
Kvartersposten
Fredag 14 augusti 2026

Hej grannar!

Det har varit en varm vecka i kvarteret och det finns mycket att berätta. Här är det viktigaste.

Nytt bibliotek vid torget
Biblioteket flyttar till det gamla posthuset vid torget i oktober. Det blir dubbelt så stort som
i dag och ska vara öppet även på söndagar. Du får ett mejl från kommunen när flytten är klar,
säger bibliotekschefen Eva Holm. Hon tror att fler barnfamiljer kommer att hitta dit.

Foto: Maja Lund

Loppis på lördag
Föreningen ordnar loppis på gården mellan tio och två. Ta med det du inte längre behöver, men
inga möbler i år, tack. Överskottet går till nya bänkar vid lekplatsen.

Sponsrat av Kaffekvarnen
Visa det här brevet i kassan och få en kanelbulle till kaffet hela augusti.
https://kaffekvarnen.example

Ha en skön helg!
Lena på Kvartersposten

Du får det här mejlet eftersom du har anmält dig på vår webbplats.
Avsluta prenumerationen: https://kvartersposten.example/avsluta
"""


def test_a_swedish_letter_is_read_as_swedish_dated_and_loses_its_furniture(profiles):
    issue = issue_of("kvartersposten.txt", SWEDISH.encode(), profiles)
    assert (issue.language, issue.date) == ("sv", dt.date(2026, 8, 14))
    kinds = dropped(issue)
    assert kinds["Foto: Maja Lund"] == "credit"
    assert kinds["Du får det här mejlet eftersom du har anmält dig på vår webbplats."] == \
        "chrome"
    assert kinds["Avsluta prenumerationen: https://kvartersposten.example/avsluta"] == "chrome"
    assert [name for name, _ in sponsored(issue)] == ["Kaffekvarnen"]
    # A story's sentence about an e-mail is no footer.
    assert any("Du får ett mejl från kommunen" in t for t in texts(issue))


INDONESIAN = """\
Warta Kampung
Senin, 7 Desember 2026

Halo warga!

Minggu ini ada banyak kabar dari kampung kita. Kami juga sudah menyiapkan jadwal kegiatan untuk
bulan depan.

Jembatan bambu diperbaiki
Jembatan bambu di ujung gang akhirnya diperbaiki oleh warga bersama kelurahan. Pekerjaan ini
sudah dimulai sejak Sabtu dan harus selesai sebelum musim hujan. Menurut ketua RT, biaya
perbaikan berasal dari kas warga dan bantuan kecamatan.

Foto: Budi Santoso

Kerja bakti akhir bulan
Kerja bakti akan diadakan pada Minggu pagi. Warga diminta membawa sapu dan karung sendiri,
karena persediaan di balai warga tidak banyak.

Disponsori oleh Toko Sembako Makmur
Belanja minimal Rp50.000 dan dapatkan gratis satu kilo gula. https://makmur.example

Sampai jumpa minggu depan!
Tim Warta Kampung

Anda menerima email ini karena mendaftar di situs kami.
Berhenti berlangganan: https://warta.example/berhenti
"""


def test_an_indonesian_letter_is_read_as_indonesian_dated_and_loses_its_furniture(profiles):
    issue = issue_of("warta.txt", INDONESIAN.encode(), profiles)
    assert (issue.language, issue.date) == ("id", dt.date(2026, 12, 7))
    kinds = dropped(issue)
    assert kinds["Foto: Budi Santoso"] == "credit"
    assert kinds["Anda menerima email ini karena mendaftar di situs kami."] == "chrome"
    assert kinds["Berhenti berlangganan: https://warta.example/berhenti"] == "chrome"
    assert [name for name, _ in sponsored(issue)] == ["Toko Sembako Makmur"]


VIETNAMESE = """\
<html><body>
<h1>Tin Phường số 12</h1>
<p>Chào mọi người, tuần này chúng tôi có nhiều tin mới về khu phố của mình.</p>
<h2>Công viên mới mở cửa</h2>
<p>Công viên nhỏ ở cuối đường đã mở cửa từ sáng thứ Bảy. Ở đây có sân chơi cho trẻ em và một
thư viện sách miễn phí. Người dân có thể đến đây để đọc sách vào buổi chiều. Ban quản lý cho
biết công viên sẽ được mở rộng vào năm sau nếu có thêm kinh phí.</p>
<p>Ảnh: Trần Hoa</p>
<h2>Chợ cuối tuần</h2>
<p>Chợ cuối tuần vẫn họp như mọi khi, nhưng sẽ dời sang bãi đất trống cạnh trường học trong
tháng này. Các hộ kinh doanh nên đến sớm hơn để nhận chỗ.</p>
<p><b>Được tài trợ bởi Tiệm Bánh Mì Cô Ba</b></p>
<p>Mua hai ổ bánh mì, tặng một ly cà phê sữa đá. <a href="https://coba.example">Xem thêm</a></p>
<p>Bạn nhận được email này vì đã đăng ký nhận tin trên trang của chúng tôi.</p>
<p>Hủy đăng ký: https://tinphuong.example/huy</p>
</body></html>
"""


def test_a_vietnamese_letter_is_read_as_vietnamese_and_loses_its_furniture(profiles):
    issue = issue_of("tin-phuong.html", VIETNAMESE.encode(), profiles)
    assert issue.language == "vi"
    kinds = dropped(issue)
    assert kinds["Ảnh: Trần Hoa"] == "credit"
    assert kinds["Bạn nhận được email này vì đã đăng ký nhận tin trên trang của chúng tôi."] \
        == "chrome"
    assert kinds["Hủy đăng ký: https://tinphuong.example/huy"] == "chrome"
    assert [name for name, _ in sponsored(issue)] == ["Tiệm Bánh Mì Cô Ba"]


PERSIAN = """\
خبرنامه‌ی محله — شماره‌ی ۹
دوشنبه ۱۵ آذر ۱۴۰۵ (۷ دسامبر ۲۰۲۶)

سلام همسایه‌های عزیز!

این هفته درباره‌ی کتابخانه‌ی تازه و بازارچه‌ی آخر هفته برایتان نوشته‌ایم.

کتابخانه‌ی تازه‌ی محله
کتابخانه‌ی محله از شنبه در ساختمان قدیمی پست باز شد. این کتابخانه دو برابر ساختمان قبلی جا دارد
و یک اتاق ویژه‌ی کودکان هم دارد. با حمایت شهرداری، کتابخانه تا آخر ماه هر شب تا ساعت ده باز
می‌ماند. مدیر کتابخانه می‌گوید بیشتر کتاب‌ها را خود اهالی هدیه داده‌اند.

عکس: رضا کریمی

بازارچه‌ی آخر هفته
بازارچه‌ی آخر هفته این بار در حیاط مدرسه برگزار می‌شود. غرفه‌ها از ساعت نه صبح باز می‌شوند و
ورود برای همه آزاد است.

با حمایت: نانوایی گندم طلایی
با نشان دادن این نامه، نان سنگک را با ده درصد تخفیف بخرید. https://gandom.example

برای لغو اشتراک به همین نامه پاسخ دهید.
"""


def test_a_persian_letter_is_dated_by_its_gregorian_date_and_loses_its_furniture(profiles):
    issue = issue_of("mahalle.txt", PERSIAN.encode(), profiles)
    assert (issue.language, issue.date) == ("fa", dt.date(2026, 12, 7))
    kinds = dropped(issue)
    assert kinds["عکس: رضا کریمی"] == "credit"
    assert kinds["برای لغو اشتراک به همین نامه پاسخ دهید."] == "chrome"
    assert [name for name, _ in sponsored(issue)] == ["نانوایی گندم طلایی"]
    # "With the support of the city, …" opening a story's sentence marks no advertisement.
    assert any("با حمایت شهرداری، کتابخانه" in t for t in texts(issue))


ARABIC = """\
<html lang="ar" dir="rtl"><body>
<h1>نشرة الحي — العدد ١٤</h1>
<p>٤ آذار ٢٠٢٦</p>
<p>مرحباً بكم في عدد هذا الأسبوع من نشرة الحي.</p>
<h2>مكتبة جديدة في الساحة</h2>
<p>افتتحت البلدية مكتبة عامة جديدة في مبنى البريد القديم. وتضم المكتبة قاعة للأطفال وركناً
للصحف اليومية. برعاية وزارة الثقافة، ستبقى المكتبة مفتوحة حتى منتصف الليل طوال الشهر.</p>
<p>تصوير: خالد يوسف</p>
<h2>سوق الجمعة</h2>
<p>ينتقل سوق الجمعة هذا الشهر إلى ساحة المدرسة، ويفتح أبوابه من الساعة الثامنة صباحاً.</p>
<p><b>برعاية</b></p>
<p>مخبز السنابل: خبز طازج كل صباح وخصم خاص لقراء النشرة.</p>
<p>وصلتك هذه الرسالة لأنك مشترك في نشرة الحي.</p>
</body></html>
"""


def test_an_arabic_letter_is_dated_by_a_levantine_month_and_loses_its_furniture(profiles):
    issue = issue_of("hay.html", ARABIC.encode(), profiles)
    assert (issue.language, issue.date) == ("ar", dt.date(2026, 3, 4))
    kinds = dropped(issue)
    assert kinds["تصوير: خالد يوسف"] == "credit"
    assert kinds["وصلتك هذه الرسالة لأنك مشترك في نشرة الحي."] == "chrome"
    assert [ps for _, ps in sponsored(issue)] == [
        ["مخبز السنابل: خبز طازج كل صباح وخصم خاص لقراء النشرة."]]
    # "Under the ministry's patronage, …" in a story's paragraph stays in it.
    assert any("برعاية وزارة الثقافة" in t for t in texts(issue))


POLISH = """\
GAZETKA SĄSIEDZKA
Nr 12 — piątek, 11 grudnia 2026

Dzień dobry!

W tym numerze piszemy o nowym placu zabaw i o kiermaszu.

NOWY PLAC ZABAW
Plac zabaw przy ul. Ogrodowej jest już otwarty. Ma piaskownicę, dwie huśtawki i zjeżdżalnię dla
starszych dzieci. Rada osiedla zapowiada, że wiosną posadzi tam też drzewa. Na razie plac jest
czynny od ósmej do zmroku.

Fot. Piotr Wiśniewski

KIERMASZ ŚWIĄTECZNY
Kiermasz odbędzie się w sobotę na dziedzińcu szkoły. Będą ozdoby, pierniki i gorąca herbata dla
wszystkich.

PARTNER NUMERU
Kwiaciarnia „Pod Lipą” — z hasłem GAZETKA choinki taniej o 15%. https://podlipa.example

Otrzymujesz ten newsletter, ponieważ zapisałeś się na naszej stronie.
"""


def test_a_polish_letters_credit_sponsor_and_footer_are_furniture(profiles):
    issue = issue_of("gazetka.txt", POLISH.encode(), profiles)
    assert issue.language == "pl"
    kinds = dropped(issue)
    assert kinds["Fot. Piotr Wiśniewski"] == "credit"
    assert kinds["Otrzymujesz ten newsletter, ponieważ zapisałeś się na naszej stronie."] == \
        "chrome"
    assert [ps for _, ps in sponsored(issue)] == [
        ["Kwiaciarnia „Pod Lipą” — z hasłem GAZETKA choinki taniej o 15%. "
         "https://podlipa.example"]]


HEBREW = """\
---
title: "עלון השכונה 8"
lang: he
---

# עלון השכונה 8

שלום לכולם! הנה מה שקרה השבוע בשכונה.

## הספרייה נפתחת מחדש

הספרייה השכונתית נפתחת מחדש ביום ראשון אחרי שיפוץ של חצי שנה. בחסות החשכה עבדו הפועלים
גם בלילות כדי לסיים בזמן. יש בה עכשיו פינה לילדים וחדר קריאה שקט.

**בחסות: מאפיית השקד** — חלה טרייה בכל יום שישי, והנחה לקוראי העלון.
"""


def test_a_hebrew_sponsor_opening_a_paragraph_names_it(profiles):
    issue = issue_of("alon.md", HEBREW.encode(), profiles)
    assert issue.language == "he"
    assert [name for name, _ in sponsored(issue)] == ["מאפיית השקד"]
    # "Under cover of darkness" opening a story's sentence marks no advertisement.
    assert any("בחסות החשכה" in t for t in texts(issue))


THAI = """\
<html lang="th"><body><h1>จดหมายข่าวชุมชน ฉบับที่ 7</h1>
<p>สวัสดีครับ สัปดาห์นี้มีเรื่องสวนสาธารณะและตลาดนัดมาเล่าให้ฟัง</p>
<h2>สวนสาธารณะเปิดใหม่</h2>
<p>สวนสาธารณะข้างวัดเปิดให้บริการแล้วตั้งแต่วันเสาร์ มีลานวิ่งและสนามเด็กเล่น
ชาวบ้านหลายคนมาออกกำลังกายตอนเช้าตรู่ เจ้าหน้าที่บอกว่าจะปลูกต้นไม้เพิ่มอีกในเดือนหน้า</p>
<p>ภาพ: วันชัย สุขใจ</p>
<h2>ตลาดนัด</h2>
<p>ตลาดนัดย้ายไปที่ลานหน้าโรงเรียนตั้งแต่สัปดาห์หน้าเป็นต้นไป เปิดตั้งแต่สี่โมงเย็นถึงสามทุ่ม</p>
<p><strong>ผู้สนับสนุน</strong></p>
<p>ร้านกาแฟริมคลอง ลดราคาเครื่องดื่มทุกแก้วสิบบาทสำหรับสมาชิกจดหมายข่าว</p>
</body></html>
"""


def test_a_thai_letters_credit_and_sponsor_marker_are_furniture(profiles):
    issue = issue_of("chumchon.html", THAI.encode(), profiles)
    assert issue.language == "th"
    kinds = dropped(issue)
    assert kinds["ภาพ: วันชัย สุขใจ"] == "credit"
    assert kinds["ผู้สนับสนุน"] == "chrome"
    assert [ps for _, ps in sponsored(issue)] == [
        ["ร้านกาแฟริมคลอง ลดราคาเครื่องดื่มทุกแก้วสิบบาทสำหรับสมาชิกจดหมายข่าว"]]


@pytest.mark.parametrize("text, date", [
    ("Torsdag 6 augusti 2026", dt.date(2026, 8, 6)),
    ("Jumat, 12 Maret 2027", dt.date(2027, 3, 12)),
    ("17 Agustus 2026", dt.date(2026, 8, 17)),
    ("7 Desember 2026", dt.date(2026, 12, 7)),
    ("۳ دسامبر ۲۰۲۶", dt.date(2026, 12, 3)),
    ("۲۰ ژوئیه ۲۰۲۶", dt.date(2026, 7, 20)),
    ("١٥ أيلول ٢٠٢٦", dt.date(2026, 9, 15)),
    ("4 نيسان 2026", dt.date(2026, 4, 4)),
])
def test_month_names_of_more_languages_date_a_line(text, date):
    assert written_date(text) == date


@pytest.mark.parametrize("text", [
    "۱۲ آذر ۱۴۰۵",  # the Persian calendar's year is no Gregorian one
])
def test_a_date_of_another_calendar_is_not_read(text):
    assert written_date(text) is None


@pytest.mark.parametrize("language", ["sv", "id", "vi"])
def test_a_language_read_by_its_words_has_forty_of_its_own(language):
    assert sum(code == language for code in common_words().values()) >= 40


@pytest.mark.parametrize("language, sentence", [
    ("sv", "Du får ett mejl med din kod när du anmäler dig till kursen."),
    ("sv", "Det här mejlet från en läsare fick oss att tänka om."),
    ("id", "Anda menerima bantuan ini jika terdaftar di kelurahan."),
    ("pl", "Otrzymujesz rabat, jeśli pokażesz w sklepie kartę mieszkańca."),
    ("vi", "Xem thêm lịch chiếu phim trên web của rạp."),
    ("fa", "این ایمیل را هفته‌ی پیش از یکی از خوانندگان دریافت کردیم."),
    ("ar", "تلقيت هذه الرسالة من قارئة تسأل عن موعد افتتاح المكتبة."),
    ("th", "ได้รับจดหมายนี้จากผู้อ่านท่านหนึ่งเมื่อวานนี้"),
])
def test_a_story_sentence_about_mail_is_no_footer(language, sentence):
    from digest.segment.profiles import load_platforms, with_platform

    generic, _ = load_platforms()
    merged = with_platform(load_profiles()[0], generic, None, [], language)
    assert merged.drop["chrome"][-1].search(sentence) is None


@pytest.mark.parametrize("language, sentence", [
    ("ar", "برعاية وزارة الثقافة افتتح المعرض"),
    ("fa", "با حمایت شهرداری کتابخانه باز شد"),
    ("he", "בחסות החשכה נכנסו לבית"),
    ("th", "ผู้สนับสนุนหลักของโครงการคือกระทรวง"),
    ("sv", "Presentationen hölls av Karin"),
])
def test_a_sponsor_word_opening_a_story_sentence_marks_no_advertisement(language, sentence):
    from digest.segment.profiles import load_platforms, with_platform
    from digest.segment.sponsors import sponsor_of

    generic, _ = load_platforms()
    merged = with_platform(load_profiles()[0], generic, None, [], language)
    assert sponsor_of(sentence, merged) == (False, None)


GREEK = """\
<html lang="el"><body><h1>Πολιτιστικό Δελτίο Αθήνας</h1>
<p>Καλησπέρα σας. Αυτή την εβδομάδα έχουμε θέατρο, μια νέα έκθεση και ένα βιβλίο.</p>
<h2>ΘΕΑΤΡΟ</h2>
<p>Η νέα παράσταση του Εθνικού Θεάτρου ανεβαίνει την Πέμπτη και θα παίζεται ως τον Μάιο.
Τα εισιτήρια πωλούνται ήδη στο ταμείο του θεάτρου.</p>
<h2>ΧΟΡΗΓΟΥΜΕΝΟ</h2>
<p>Για όλο τον Μάρτιο οι αναγνώστες του Δελτίου κερδίζουν έκπτωση 20% στο βιβλιοπωλείο Ορίζων.</p>
</body></html>
"""


def test_a_sponsor_heading_in_greek_capitals_without_accents_is_an_advertisement(profiles):
    issue = issue_of("deltio.html", GREEK.encode(), profiles)
    assert issue.language == "el"
    advert = next(s for s in issue.sections if "έκπτωση" in " ".join(p.text for p in s.paragraphs))
    assert advert.role == "sponsored"


def test_a_japanese_letters_postal_address_over_its_footer_is_furniture(profiles):
    html = ("<html lang='ja'><body><p>十一月に入り、朝晩はすっかり冷え込むようになりました。</p>"
            "<p><b>【店休日のお知らせ】</b></p><p>十二月は毎週水曜日に加え、三十日から一月三日まで"
            "お休みをいただきます。</p><hr><p>山彦茶房　店主　岡部みどり<br>〒999-0123 架空県山彦町"
            "本通り3-14<br>電話 0120-000-000<br><a href='https://yamabiko.example/stop'>配信停止を"
            "ご希望の方はこちら</a></p></body></html>")
    issue = issue_of("yamabiko-23.html", html.encode(), profiles)
    assert [s.heading for s in issue.sections if s.heading] == ["店休日のお知らせ"]
    assert "〒999-0123 架空県山彦町本通り3-14" in {d.text for d in issue.dropped}


def test_a_platforms_english_strings_are_furniture_in_an_issue_in_another_language(profiles):
    """A platform leaves its own strings in English whatever the issue's language."""
    from _letters import mail

    html = ("<html lang='pt'><body><h1>Carta do Planalto</h1><p>Nesta semana o Congresso "
            "votou o orçamento e a oposição prometeu recorrer ao Supremo.</p><h2>Orçamento</h2>"
            "<p>O texto aprovado corta verbas da cultura e amplia as emendas dos deputados, "
            "segundo a comissão.</p><p>Keep reading with a 7-day free trial</p>"
            "<p><a href='https://carta.substack.com/action/disable_email'>Cancelar</a></p>"
            "</body></html>")
    message = mail(html, "Carta do Planalto <carta@substack.com>", "Carta do Planalto",
                   "Mon, 09 Mar 2026 08:00:00 +0000",
                   List_Unsubscribe="<https://carta.substack.com/action/disable_email>")
    issue = issue_of("carta.eml", message, profiles)
    assert issue.language == "pt"
    assert "Keep reading with a 7-day free trial" in {d.text for d in issue.dropped}


HINDI_WEEKLY = """# मोहल्ला पत्रिका

## बाज़ार

सब्ज़ी मंडी इस हफ़्ते से सुबह छह बजे खुलेगी। दुकानदारों ने नए समय पर सहमति दी है।

रविवार को मंडी बंद रहेगी, इसलिए खरीदारी शनिवार को कर लें।

## पुस्तकालय

पुस्तकालय में बच्चों के लिए कहानी का समय हर बुधवार शाम को होगा।
"""


def test_a_sentence_with_a_comma_in_a_script_without_capitals_is_no_sign_off(profiles):
    """A section's last sentence with a comma in it ("…, इसलिए …।") is text: a name under a
    closing never ends with a sentence's mark, in any script."""
    issue = issue_of("mohalla.md", HINDI_WEEKLY.encode(), profiles)
    assert "रविवार को मंडी बंद रहेगी, इसलिए खरीदारी शनिवार को कर लें।" in texts(issue)
    assert not [d for d in issue.dropped if d.kind == "signoff"]


@pytest.mark.parametrize("name, text, furniture", [
    ("kura.txt", "こんにちは。\n\n鈴木 花子 様\n\n今月の新しいお酒は、春の限定酒です。"
     "香りが華やかで、冷やしてもおいしく飲めます。\n\n■発行者：みなと酒造株式会社\n",
     ["鈴木 花子 様", "■発行者：みなと酒造株式会社"]),
    ("golmok.txt", "안녕하세요, 박서연 님!\n\n이번 주에는 동네 시장의 새 가게들을 소개합니다. "
     "골목마다 작은 빵집과 꽃집이 새로 문을 열었습니다.\n", ["안녕하세요, 박서연 님!"]),
    ("epaper.txt", "若您無法正常瀏覽此電子報，請點選這裡觀看網頁版。\n\n"
     "本學期的課程將於下週一開始，歡迎所有學員準時出席。\n\n※本電子報為發送專用，請勿直接回覆。\n",
     ["若您無法正常瀏覽此電子報，請點選這裡觀看網頁版。", "※本電子報為發送專用，請勿直接回覆。"]),
])
def test_a_readers_name_and_a_senders_furniture_in_east_asian_mail_are_furniture(
        profiles, name, text, furniture):
    issue = issue_of(name, text.encode(), profiles)
    kinds = dropped(issue)
    assert [kinds.get(line) for line in furniture] == ["chrome"] * len(furniture)


ZHOUKAN = """# 周末周刊（第 12 期）

## 科技动态

1、**纸做的扬声器**

实验室做出了一种纸质扬声器，厚度不到一毫米，可以像海报一样贴在墙上。

2、**电池的身份证**

部分城市要求电动自行车电池带有可扫描的编码，记录生产日期和充电次数。

## 工具

1、[墨记](https://github.example/moji)

一个命令行笔记工具，所有笔记都是纯文本文件。

2、[拼音排序](https://github.example/pinyin-sort)

按照汉语拼音对中文字符串排序的小型库。
"""


def test_chinese_numbered_entries_over_their_blurbs_are_a_list_of_entries(profiles):
    issue = issue_of("zhoukan.md", ZHOUKAN.encode(), profiles)
    news, tools = issue.sections[-2:]
    assert [(i.number, i.text) for i in news.items] == [
        (1, "纸做的扬声器"), (2, "电池的身份证")]
    assert news.items[0].excerpt.startswith("实验室做出了一种纸质扬声器")
    assert [(i.text, [link.url for link in i.links]) for i in tools.items] == [
        ("墨记", ["https://github.example/moji"]),
        ("拼音排序", ["https://github.example/pinyin-sort"])]


WECHAT_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta property="og:url" content="https://mp.weixin.qq.com/s?__biz=MzA3&amp;mid=26&amp;idx=1">
<link rel="canonical" href="https://mp.weixin.qq.com/s?__biz=MzA3&amp;mid=26&amp;idx=1">
<title>春天的三本小书</title></head><body>
<h1>春天的三本小书</h1>
<h2>点击上方蓝字 关注我们</h2>
<p>三月的雨下得断断续续，地铁里有人捧着一本书。我们挑了三本一百多页的小书，适合通勤路上读完。</p>
<h2>本周共读</h2>
<p>从下周一开始，我们会在读者群里共读第一本，每天一章，大约十分钟。</p>
<p>作者 | 周小禾</p><p>编辑 | 林一</p>
<h2>往期推荐</h2>
<p>长按识别二维码 关注我们</p><p>阅读原文</p><p>阅读 1.2万</p><p>赞 386</p><p>在看 97</p>
</body></html>"""


def test_a_saved_pages_own_address_names_its_platform_and_its_furniture_goes(profiles):
    issue = issue_of("chunshu.html", WECHAT_PAGE.encode(), profiles)
    assert [s.heading for s in issue.sections if s.heading] == ["本周共读"]
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert texts == [
        "三月的雨下得断断续续，地铁里有人捧着一本书。我们挑了三本一百多页的小书，适合通勤路上读完。",
        "从下周一开始，我们会在读者群里共读第一本，每天一章，大约十分钟。"]
    assert dropped(issue)["作者 | 周小禾"] == "chrome"
