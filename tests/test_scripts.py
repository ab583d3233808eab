"""Newsletters in scripts other than Latin: their language is told by the script (Chinese and
Japanese, which put no spaces between words, have their sentences end at 。 and their words
counted by characters; Arabic pages are laid out right to left), and their furniture is found
by per-language data. Fixtures written here."""

from __future__ import annotations

import re

import pytest
from _letters import build_one

from digest.ingest import read_bytes
from digest.segment import load_profiles, segment_document
from digest.summarize import SummaryConfig, summarize_issue
from digest.summarize.tokenizer import split_sentences, split_words
from digest.textwords import count_words

JAPANESE = """# 園芸だより 第12号

2026年3月6日（金）

こんにちは。今週は土の検査と、地域の果樹園の話題をお届けします。朝晩はまだ冷えますので、苗の管理に気をつけてください。

## 今週の話題

- [果樹園に四十本の苗木](https://example.jp/orchard) — 三つの学校の生徒が植樹に参加しました。
- [家庭でできる土の検査](https://example.jp/soil) — 瓶と水と塩で、砂と粘土の割合がわかります。

## 注目の記事

**霜の季節。** 今年は初霜が早いと予想されています。夜は苗床を覆いましょう。

**種の交換会。** 図書館で土曜日に開かれます。誰でも参加できます。

---

最後まで読んでいただきありがとうございました。また来週お会いしましょう。

配信停止は[こちら](https://engei.example.jp/unsubscribe?id=4)から。
"""

CHINESE = """# 园艺周报 第8期

大家好。本周我们介绍社区果园的新进展，以及在家检测土壤的方法。天气还冷，请注意保护幼苗。

## 本周新闻

社区果园上周种下了四十棵果树。三所学校的学生参加了植树活动。预计三年后第一次结果。

## 读者来信

一位读者问我们如何在阳台上种番茄。我们的建议是选择小型品种，并且每天浇水。

感谢您的阅读。

取消订阅：https://yuanyi.example.cn/unsubscribe?id=9
"""


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def issue_of(name: str, text: str, profiles):
    (issue,), _ = segment_document(read_bytes(name, text.encode()), *profiles)
    return issue


def test_a_japanese_issue_is_known_by_its_script_and_its_furniture_is_dropped(profiles):
    issue = issue_of("12.md", JAPANESE, profiles)
    assert issue.language == "ja"
    dropped = [(d.kind, d.text) for d in issue.dropped]
    assert ("byline", "2026年3月6日（金）") in dropped
    thanks = "最後まで読んでいただきありがとうございました。また来週お会いしましょう。"
    assert ("chrome", thanks) in dropped
    assert ("chrome", "配信停止はこちらから。") in dropped
    news = next(s for s in issue.sections if s.heading == "今週の話題")
    assert [(i.title, i.author) for i in news.items] == [
        ("果樹園に四十本の苗木", None), ("家庭でできる土の検査", None)]


def test_chinese_and_japanese_words_are_counted_by_characters_and_sentences_end_at_the_full_stop():
    assert count_words("今年は初霜が早いと予想されています。") == 9
    assert count_words("Rust 版の新機能") == 4
    frost, cover = "今年は初霜が早いと予想されています。", "夜は苗床を覆いましょう。"
    assert split_sentences(frost + cover, "ja") == [frost, cover]


def test_a_chinese_issue_is_summarized_in_sentences_with_its_footer_left_out(profiles):
    issue = issue_of("8.md", CHINESE, profiles)
    assert issue.language == "zh"
    assert {d.text for d in issue.dropped} >= {"感谢您的阅读。"}
    assert not any("unsubscribe" in p.text for s in issue.sections for p in s.paragraphs)
    digest = summarize_issue(issue, SummaryConfig())
    assert digest.words_in > 50  # 130 characters, not the 9 runs between spaces
    chosen = [x.text for part in digest.sections for x in part.sentences]
    assert chosen and all(s.endswith("。") for s in chosen)


def test_a_japanese_site_counts_its_words_and_joins_sentences_without_spaces(tmp_path):
    site = build_one(tmp_path, "engei", "2026-03-06.md", JAPANESE)
    (page,) = (site / "issues").glob("*.html")
    html = page.read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)  # a sentence in the digest is wrapped in a span
    assert "お届けします。朝晩は" in text
    assert "お届けします。 朝晩は" not in text
    words_in = re.search(r"([\d,]+) words in", html)
    assert words_in and int(words_in[1]) > 60  # not the dozen runs between its spaces


ARABIC = """# النشرة التقنية — العدد 15

مرحبا بكم في عدد هذا الأسبوع. نتحدث اليوم عن قواعد البيانات الصغيرة وعن النسخ الاحتياطي.

## قواعد البيانات الصغيرة

نقلت هذا الأسبوع خدمة صغيرة إلى ملف قاعدة بيانات واحد. انخفضت التكلفة إلى شبه لا شيء.
"""


@pytest.mark.parametrize("text, language", [
    (ARABIC, "ar"),
    ("# Ενημέρωση 3\n\nΚαλώς ήρθατε στο εβδομαδιαίο ενημερωτικό μας για μικρά εργαλεία.\n", "el"),
    ("# עלון 3\n\nשלום וברוכים הבאים לעלון השבועי שלנו על כלים קטנים ועל גיבויים.\n", "he"),
    ("# خبرنامه ۳\n\nسلام، به خبرنامه هفتگی ما خوش آمدید. این هفته درباره پروژه‌های کوچک و چگونگی "
     "پشتیبان‌گیری می‌نویسیم.\n", "fa"),
    ("# ዜና 3\n\nእንኳን ወደ ሳምንታዊ ዜናችን በደህና መጡ። ዛሬ ስለ አዲሱ ቤተ መጻሕፍት እንነግራችኋለን።\n", "am"),
    ("# Լուրեր 3\n\nԲարի գալուստ մեր շաբաթական նամակ։ Այսօր կպատմենք նոր գրադարանի մասին։\n",
     "hy"),
    ("# სიახლეები 3\n\nკეთილი იყოს თქვენი მობრძანება ჩვენს ყოველკვირეულ წერილში. დღეს ახალ "
     "ბიბლიოთეკაზე მოგიყვებით.\n", "ka"),
    ("# သတင်း ၃\n\nကျွန်ုပ်တို့၏ အပတ်စဉ် သတင်းလွှာမှ ကြိုဆိုပါသည်။ ယနေ့ စာကြည့်တိုက် အသစ် "
     "အကြောင်း ပြောပြပါမည်။\n", "my"),
    ("# ព័ត៌មាន ៣\n\nសូមស្វាគមន៍មកកាន់ព្រឹត្តិបត្រប្រចាំសប្តាហ៍របស់យើង។ ថ្ងៃនេះ "
     "យើងនិយាយអំពីបណ្ណាល័យថ្មី។\n", "km"),
    ("# ຂ່າວ 3\n\nຍິນດີຕ້ອນຮັບສູ່ຈົດໝາຍຂ່າວປະຈຳອາທິດຂອງພວກເຮົາ. ມື້ນີ້ "
     "ພວກເຮົາຈະເລົ່າເລື່ອງຫ້ອງສະໝຸດໃໝ່.\n", "lo"),
    ("# පුවත් 3\n\nඅපගේ සතිපතා පුවත් ලිපියට සාදරයෙන් පිළිගනිමු. අද අපි නව පුස්තකාලය ගැන "
     "කියමු.\n", "si"),
    ("# செய்திகள் 3\n\nஎங்கள் வாராந்திர மடலுக்கு வரவேற்கிறோம். இன்று புதிய நூலகம் பற்றிச் "
     "சொல்கிறோம்.\n", "ta"),
])
def test_a_script_that_names_its_language_gives_the_issue_its_language(text, language, profiles):
    assert issue_of("3.md", text, profiles).language == language


NEPALI = """# समाचार ५

यो हप्ता हाम्रो गाउँमा नयाँ पुस्तकालय खुलेको छ। त्यहाँ सबै उमेरका मानिसहरू पढ्न आउँछन्।
बालबालिकाका लागि पनि धेरै किताबहरू छन्। हामी तपाईंलाई पनि आउन आग्रह गर्छौं।
पुस्तकालय बिहान सात बजेदेखि खुला हुन्छ। यो काम स्थानीय युवाहरूले गरेको हो।
"""
HINDI = """# समाचार ५

इस हफ़्ते हमारे गाँव में नया पुस्तकालय खुला है। वहाँ सभी उम्र के लोग पढ़ने आते हैं।
बच्चों के लिए भी बहुत किताबें हैं। पुस्तकालय सुबह सात बजे से खुला रहता है।
"""


@pytest.mark.parametrize("text, language", [(NEPALI, "ne"), (HINDI, "hi")])
def test_nepali_is_told_from_hindi_by_its_common_words(text, language, profiles):
    assert issue_of("5.md", text, profiles).language == language


def test_an_arabic_issue_is_laid_out_right_to_left_in_an_english_site(tmp_path):
    site = build_one(tmp_path, "nashra", "2026-11-27.md", ARABIC)
    (page,) = (site / "issues").glob("*.html")
    assert '<article class="issue" lang="ar" dir="rtl"' in page.read_text(encoding="utf-8")
    (week,) = (site / "weeks").glob("*.html")
    assert '<article class="issue-summary" lang="ar" dir="rtl">' in week.read_text(
        encoding="utf-8")


def test_a_chinese_quotation_is_one_sentence_with_its_closing_mark():
    from digest.summarize.tokenizer import split_sentences

    text = ("一位数据库维护者说：“单机数据库远没有过时。大多数团队根本用不到分布式。”"
            "这句话引起了很多讨论。会后有人表示赞同。")
    assert split_sentences(text, "zh") == [
        "一位数据库维护者说：“单机数据库远没有过时。大多数团队根本用不到分布式。”",
        "这句话引起了很多讨论。", "会后有人表示赞同。"]


# Scripts with a full stop of their own, which also put spaces between phrases.
BURMESE = ["ဒီနှစ် ကျေးရွာ စာကြည့်တိုက် အသစ် ဖွင့်လှစ်ပါသည်။",
           "ဆရာမ၏ ကလေးများ နေ့တိုင်း စာဖတ်ရန် လာကြသည်။"]
KHMER = ["បណ្ណាល័យថ្មី បានបើកនៅក្នុងភូមិ។", "ក្មេងៗ មកអានសៀវភៅ សៀវភៅរូបភាព ។ល។ រៀងរាល់ថ្ងៃ។"]
AMHARIC = ["አዲሱ ቤተ መጻሕፍት በ2018 ዓ.ም. በከተማችን ተከፈተ።", "ልጆች በየቀኑ መጽሐፍ ለማንበብ ይመጣሉ።"]
ARMENIAN = ["Նոր գրադարանը բացվեց մեր թաղամասում այս շաբաթ։",
            "Երեխաները ամեն օր այնտեղ գրքեր են կարդում։"]


@pytest.mark.parametrize("sentences, language", [
    (BURMESE, "my"), (BURMESE, "en"), (KHMER, "km"), (AMHARIC, "am"), (ARMENIAN, "hy"),
    (ARMENIAN, "en")])
def test_a_script_with_its_own_full_stop_ends_sentences_there_not_at_its_spaces(
        sentences, language):
    # Burmese "၏" (of) inside a sentence and Khmer "។ល។" (and so on) end none
    assert split_sentences(" ".join(sentences), language) == sentences


def test_a_burmese_list_number_written_with_the_full_stop_ends_no_sentence():
    line = "၁။ " + BURMESE[0]
    assert split_sentences(line, "my") == [line]


def test_lao_ends_sentences_at_its_full_stops_where_it_writes_them_else_at_spaces():
    stopped = ["ຫ້ອງສະໝຸດໃໝ່ ເປີດແລ້ວ ຢູ່ໃນບ້ານ.", "ເດັກນ້ອຍ ມາອ່ານປຶ້ມ ທຸກມື້."]
    assert split_sentences(" ".join(stopped), "lo") == stopped
    assert split_sentences("ຫ້ອງສະໝຸດໃໝ່ເປີດແລ້ວ ເດັກນ້ອຍມາອ່ານປຶ້ມ", "lo") == [
        "ຫ້ອງສະໝຸດໃໝ່ເປີດແລ້ວ", "ເດັກນ້ອຍມາອ່ານປຶ້ມ"]


def test_armenian_typed_with_a_colon_for_its_full_stop_is_cut_and_summarized(profiles):
    typed = ["Նոր գրադարանը բացվեց մեր թաղամասում այս շաբաթ:",
             "Երեխաները ամեն օր այնտեղ գրքեր են կարդում մինչև երեկո:",
             "Հանդիպումը կլինի շաբաթ օրը ժամը 18:00-ին մեծ դահլիճում:"]
    assert split_sentences(" ".join(typed), "hy") == typed
    text = f"# Թաղամասի լուրեր 5\n\n## Գրադարան\n\n{' '.join(typed)}\n"
    digest = summarize_issue(issue_of("5.md", text, profiles), SummaryConfig())
    shown = [x.text for part in digest.sections for x in part.sentences]
    assert shown and set(shown) <= set(typed)  # a summary, not an empty section


@pytest.mark.parametrize("first, second", [
    ("नया पुस्तकालय आज हमारे शहर में खुल गया।", "बच्चे हर दिन वहाँ किताबें पढ़ने आते हैं।"),
    tuple(AMHARIC), tuple(BURMESE)])
def test_a_list_item_is_cut_to_its_first_sentence_at_its_script_s_full_stop(
        first, second, profiles):
    items = "\n".join(f"- {first} {second}" for _ in range(2))
    text = f"# News 4\n\n## Short news\n\n{items}\n"
    digest = summarize_issue(issue_of("4.md", text, profiles), SummaryConfig())
    assert [item.text for part in digest.sections for item in part.items][:1] == [first]


def _merged(language: str):
    from digest.segment.profiles import load_platforms, with_platform

    generic, _ = load_platforms()
    return with_platform(load_profiles()[0], generic, None, [], language)


@pytest.mark.parametrize("language, line", [
    ("am", "ይህን ኢሜይል የተቀበሉት የመንደራችን ማህበር አባል ስለሆኑ ነው።"),
    ("am", "የቅጂ መብት © 2026 የመንደር ማህበር"),
    ("hy", "Դուք ստանում եք այս նամակը, քանի որ գրանցվել եք մեր կայքում։"),
    ("ka", "ეს წერილი მიიღეთ, რადგან ჩვენი ბიულეტენის გამომწერი ხართ."),
    ("ka", "გამოწერის გაუქმება | პარამეტრები"),
    ("ta", "இந்த மின்னஞ்சல் எங்கள் சங்க உறுப்பினர்களுக்கு அனுப்பப்படுகிறது."),
    ("my", "ဤသတင်းလွှာကို မရယူလိုပါက ကျွန်ုပ်တို့ထံ စာပို့ပါ။"),
    ("km", "អ្នកទទួលបានអ៊ីមែលនេះ ដោយសារអ្នកជាសមាជិករបស់យើង។"),
    ("km", "សូមអរគុណសម្រាប់ការអាន! ជួបគ្នាលើកក្រោយ។"),
    ("lo", "ທ່ານໄດ້ຮັບອີເມວນີ້ ເພາະທ່ານເປັນສະມາຊິກຂອງພວກເຮົາ."),
    ("ur", "آپ کو یہ ای میل اس لیے بھیجی گئی کیونکہ آپ ہمارے رکن ہیں۔"),
    ("ne", "यो इमेल तपाईं हाम्रो सदस्य भएकाले पठाइएको हो।"),
])
def test_a_footer_line_in_these_scripts_is_chrome(language, line):
    assert _merged(language).drop["chrome"][-1].search(line) is not None


@pytest.mark.parametrize("language, sentence", [
    ("ta", "இந்த மின்னஞ்சல் அமைச்சருக்கு நேற்று அனுப்பப்பட்டது."),  # was sent to the minister
    ("ta", "வேட்பாளர் பட்டியலிலிருந்து விலகினார்."),  # withdrew from the list
    ("ur", "یہ ای میل کل تمام صحافیوں کو بھیجی گئی۔"),
    ("ne", "संघले उनको सदस्यता रद्द गर्ने निर्णय गर्‍यो।"),
    ("km", "កសិករឈប់ទទួលព័ត៌មានពីក្រសួង។"),  # farmers stopped getting news from the ministry
    ("lo", "ລັດຖະບານ ຍົກເລີກການຕິດຕາມ ໂຄງການເກົ່າ."),  # the government stopped monitoring…
    ("my", "ငွေကြေး မရယူလိုပါက ရုံးသို့ ပြန်ပေးနိုင်ပါသည်။"),  # if you do not want the money…
])
def test_a_story_sentence_in_these_scripts_is_no_footer(language, sentence):
    assert _merged(language).drop["chrome"][-1].search(sentence) is None


@pytest.mark.parametrize("language, line", [
    ("am", "የዚህ እትም ስፖንሰር"), ("hy", "Հովանավոր"), ("ka", "რეკლამა"), ("ta", "விளம்பரம்"),
    ("my", "ကြော်ငြာ"), ("km", "អ្នកឧបត្ថម្ភ"), ("lo", "ໂຄສະນາ"), ("ur", "اشتہار"),
    ("ne", "विज्ञापन"), ("si", "දැන්වීම"),
])
def test_a_sponsor_marker_in_these_scripts_marks_an_advertisement(language, line):
    from digest.segment.sponsors import sponsor_of

    assert sponsor_of(line, _merged(language)) == (True, None)


GEORGIAN = """<html><body><h1>ქალაქის ამბები</h1>
<h2>ბიბლიოთეკა</h2>
<p>ქალაქის ცენტრში ახალი ბიბლიოთეკა გაიხსნა. ბავშვები ყოველდღე მოდიან წიგნების წასაკითხად.
ბიბლიოთეკა საღამოს რვა საათამდე ღიაა.</p>
<p>რეკლამა</p>
<p><strong>კაფე „ვაზი“</strong> — ყავა და ნამცხვრები ბიბლიოთეკის გვერდით. პირველი ყავა
უფასოა.</p>
<p>კარგ კვირას გისურვებთ!<br>ქალაქის ამბების რედაქცია</p>
<p>ეს წერილი მიიღეთ, რადგან ჩვენი ბიულეტენის გამომწერი ხართ.</p>
</body></html>"""

AMHARIC_LETTER = """<html><body><h1>የመንደር ዜና 6</h1>
<h2>የሊቀመንበሩ መልዕክት</h2>
<p>በዚህ ወር በመንደራችን አዲስ ቤተ መጻሕፍት ተከፈተ። ልጆችና ወላጆች በየቀኑ መጽሐፍ ለማንበብ ይመጣሉ።
መጻሕፍቱን ለሰጡን ለመምህራንና ለወላጆች ምስጋናችን ከፍ ያለ ነው። በሚቀጥለው ወር የንባብ ውድድር
እናዘጋጃለን፤ ሁሉም ተማሪዎች እንዲሳተፉ እንጋብዛለን። ቤተ መጻሕፍቱ ከጠዋት እስከ ማታ ክፍት ነው።</p>
<p>ከሰላምታ ጋር፣<br>አልማዝ ተፈራ<br>ሊቀመንበር</p>
<h2>ዜናዎች</h2>
<p>የገበያ ቀን ወደ ቅዳሜ ተዛውሯል። አዲሱ ሰዓት ከጠዋቱ ሁለት ሰዓት ይጀምራል።</p>
</body></html>"""

TAMIL_LETTER = """<html><body><h1>பள்ளிச் செய்திகள் 6</h1>
<h2>தலைமையாசிரியர் செய்தி</h2>
<p>இந்த மாதம் நமது பள்ளியில் புதிய நூலகம் திறக்கப்பட்டது. மாணவர்கள் தினமும் அங்கே
புத்தகங்கள் படிக்கிறார்கள். பெற்றோர்களும் ஆசிரியர்களும் பல புத்தகங்களை நன்கொடையாக
வழங்கினார்கள். அவர்கள் அனைவருக்கும் என் மனமார்ந்த நன்றி. அடுத்த மாதம் ஒரு வாசிப்புப் போட்டி
நடைபெறும். எல்லா மாணவர்களும் அதில் கலந்துகொள்ள வேண்டும் என்று விரும்புகிறேன். நூலகம்
காலை எட்டு மணி முதல் மாலை ஆறு மணி வரை திறந்திருக்கும்.</p>
<p>ப. கண்ணன்<br>தலைமையாசிரியர்</p>
<h2>அறிவிப்புகள்</h2>
<p>பள்ளிப் பேருந்து நேரம் மாறியுள்ளது. காலை ஏழு மணிக்கு முதல் பேருந்து புறப்படும்.</p>
</body></html>"""


@pytest.mark.parametrize("name, page, signed", [
    ("ka.html", GEORGIAN, ["კარგ კვირას გისურვებთ!", "ქალაქის ამბების რედაქცია"]),
    ("am.html", AMHARIC_LETTER, ["ከሰላምታ ጋር፣", "አልማዝ ተፈራ", "ሊቀመንበር"]),
    ("ta.html", TAMIL_LETTER, ["ப. கண்ணன்", "தலைமையாசிரியர்"]),
])
def test_a_letter_in_a_script_without_capitals_is_signed_off_and_loses_its_furniture(
        name, page, signed, profiles):
    """Its closing ends with its script's comma ("፣"), and its names have no capitals."""
    issue = issue_of(name, page, profiles)
    assert [d.text for d in issue.dropped if d.kind == "signoff"] == signed
    shown = [p.text for s in issue.sections if s.role != "sponsored" for p in s.paragraphs]
    assert not any(line in text for line in signed for text in shown)
    if name == "ka.html":  # the advertisement under its marker, and the footer
        assert [s.role for s in issue.sections] == ["section", "sponsored"]
        assert ("chrome", "ეს წერილი მიიღეთ, რადგან ჩვენი ბიულეტენის გამომწერი ხართ.") in [
            (d.kind, d.text) for d in issue.dropped]


@pytest.mark.parametrize("language, sentences", [
    ("ta", ["எங்கள் சங்கத் தலைவர் ம. சுந்தரம் நேற்று கூட்டத்தில் பேசினார்.",  # an initial
            "புதிய பேருந்துக்கு ரூ. 40 லட்சம் செலவானது.",  # rupees
            "பேரா. இரா. வள்ளி நூலைத் தொகுத்தார்."]),  # professor, an initial of two letters
    ("ka", ["ე.წ. „მწვანე ბილიკი“ გაზაფხულზე გაიხსნება.",  # so-called
            "ოფისი რუსთაველის ქ. 8-ში მდებარეობს."]),  # street
])
def test_a_sentence_is_not_cut_after_an_initial_or_abbreviation_of_these_scripts(
        language, sentences):
    assert split_sentences(" ".join(sentences), language) == sentences


@pytest.mark.parametrize("sentence, words", [
    ("नई किताब बहुत अच्छी है", ["नई", "किताब", "बहुत", "अच्छी", "है"]),
    ("নতুন প্রতিবেদন এসেছে", ["নতুন", "প্রতিবেদন", "এসেছে"]),
    ("புதிய நூலகம் திறந்தது", ["புதிய", "நூலகம்", "திறந்தது"]),
    ("المكتبة جديدة أيضاً", ["المكتبة", "جديدة", "أيضاً"]),
    ("کتابخانه باز می\u200cشود", ["کتابخانه", "باز", "می\u200cشود"]),
    ("un cafe\u0301 en 2026", ["un", "cafe\u0301", "en"]),
])
def test_the_ranker_sees_every_word_of_a_script_written_with_vowel_signs(sentence, words):
    assert split_words(sentence) == words


@pytest.mark.parametrize("language, leaning, standing", [
    ("hi", "इसमें दोपहर में काम करने वालों के लिए छाया की व्यवस्था है।",
     "इस हफ़्ते नगर निगम ने बीस नए पार्क खोले।"),
    ("hi", "लेकिन बारिश के कारण मेला एक दिन टल गया।", "नगर निगम ने बीस नए पार्क खोले।"),
    ("bn", "এটি দক্ষিণ এশিয়ার প্রথম এমন চুক্তি।", "এই সপ্তাহে পাঠাগারে নতুন বই এসেছে।"),
    ("bn", "তবে অনুষ্ঠানটি এক দিন পিছিয়েছে।", "পাঠাগারে নতুন বই এসেছে।"),
])
def test_a_hindi_or_bengali_sentence_opening_with_a_pointer_or_connective_leans_back(
        language, leaning, standing):
    from digest.summarize.standalone import leans_on_context, words

    assert leans_on_context(leaning, lexicon=words(language)) is not None
    assert leans_on_context(standing, lexicon=words(language)) is None
