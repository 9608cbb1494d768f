#!/usr/bin/env python3
"""Mines person names from UniversalPetrarch's Arabic actor dictionary into data/lexicons/src/actors-up.tsv.

Usage (from the workspace root, with ../shared beside it):
    python3 crates/marsad-lexicon/tools/mine_up_actors.py

The dictionary (actor_dict_ar_v4.txt, MIT) holds ~6k lemmatised, `_`-joined entries, many of them titles
("وزير_خارجية_مصري_"), common nouns or machine translations with wrong codes. Only entries that look like
the full name of a person are kept, and only for the countries Marsad's corpora are about:

* 2 to 4 words, none of them a title, institution, rank or other common noun (STOP below), no nisba
  demonym of countries.tsv;
* a role code whose country is in data/lexicons/src/countries.tsv and whose sector is one of SECTORS;
  CAMEO's ELI (former elite) roles are ignored, and a person with only such roles is dropped;
* the latest such role gives the sector; the dictionary's role dates are too often wrong (Netanyahu 1984–1988,
  Lavrov ending in 2004) to be trusted, so none are shipped;
* names listed in EXCLUDE (checked by hand and found wrong) are dropped.

The output is re-read by tools/build_lexicons.rs, which merges it after the hand-written rows.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SRC = ROOT / '../shared/data/lexicons/universalpetrarch-ar/actor_dict_ar_v4.txt'
COUNTRIES = ROOT / 'data/lexicons/src/countries.tsv'
OUT = ROOT / 'data/lexicons/src/actors-up.tsv'

SECTORS = {'GOV', 'MIL', 'REB', 'COP', 'OPP', 'SPY', 'JUD', 'LEG'}
STOP = set('''
ل ب في من على إلى الى عن مع و أو
وزير وزيرة وزارة رئيس رئيسة رئاسة حكومة جيش قوة قوات شرطة مجلس حزب أمن دفاع خارجية داخلية عام عامة نائب ملك
ملكة أمير أميرة شيخ اتحاد منظمة جمعية لجنة هيئة سفير سفيرة قائد جنرال مسؤول سابق سابقة ممثل مدير عمدة بلدية
زعيم متحدث ناطق مستشار أمين قاضي محكمة جامعة وكالة شركة بنك دولة جمهورية مملكة ولاية محافظ حاكم سلطة شعب
جبهة حركة تنظيم جماعة فصيلة ميليشيا كتيبة لواء فرقة عقيد عميد مقدم رائد نقيب ملازم جندي ضابط مرشد إمام
آية الله اللٰه حجة إسلام اسلام دكتور سيد سيدة رئيس_وزراء برلمان نواب شورى مفتي بطريرك بابا كاردينال أسقف
معارضة مقاومة ثورة ثوري جهاز استخبارات مخابرات حرس وطني وطنية أعلى عليا كبير كبيرة أول ثاني ثالث جديد
مكتب ديوان قصر سفارة قنصل مبعوث خاص خاصة دولي دولية عربي عربية إسلامي إسلامية مجموعة تحالف ائتلاف
'''.split())
# Names found wrong by hand (wrong country or sector in the dictionary, or not a person).
EXCLUDE = set('''
جنرال_يحيى_خان محمد_دحلان
أ_مفأوض_ألإسرأئيلي أخ_مسلم إدارة_جواز_رياض إدارة_مشترى_خارجي إقليم_كردستان الجندي_جلعاد_شاليط الجيس_الاميركي
العسكريون_الكازاخيون الكونغرس_الاميركي امتداد_مصر_عسكري بئر_مزة بحرية_كندي برنامج_إيران_نووي بوش_ابن بوش_صغير
بيت_أبيض تأثير_مهيمن حكومي_الافغانية خادم_حرمان خادم_حرمان_شريف ديمقراطي_كردستاني رؤية_ظرف ساسة_لبنان
سجن_ابو_غريب سجن_كوبر سجن_مجدو_عسكري سرية_قدس سيناتور_ديمقراطي_أدوارد_كنيدي شيخة_أحمد_المحمود_ومحمود
طائرة_عسكري_اثيوبية طبيب_كتاب_العتيبي فلسطين_واقع كابيتول_هيل كامب_بندلتون كتلة_مستقبل_نيابي
كرادلة_لبنان_سياسي_مشارك كيسنجر_الذي هنري_كيسنجر_الذي هنري_كيسينجر_الذي لقاء_ديمقراطي لقفي_قدس لميجر_ستيفن_لام
لو_بن ليف_هو م_هو_الخطيب متمرد_التشاديين محققين_روسا مخفر_اميون مدعي_طهران مستشارة_ميركل
مصدر_دبلوماسي_إسرائيل معارض_الاثيوبيين معسكر_دلتا مقاتل_طالبان نظام_التشادي نظام_دمشق نظام_صدام محمد_سادس
عبد_ناصر عبد_العزيز موسوي_والنمسوي محمد_الاشعري_والتعري ميغل_انخيل_موراتينوس_وفينوس ناصر_المحمد_لمحمد
افتخارمحمد_لمحمد_شودري علي_حاتم_السليمان_بسليمان رضا_اغا_زاد_هوو كارلوس_اد_هوو تسيبي_ليف_هو يأس_مر
أمام_الخميني أمام_خميني جو_بايدنن سيف_اللاسلام_القذافي نور_المالكي ستيفان_دي_ميستورا جورج_سليم حسن_نصرالله
خالد_مشعل هيلاري_كلينتون أحمد_طيب فؤاد_عالي_مه زاد_زرهوني دكتورة_بثينة_شعبان عبد_كريم_فرح عبد_دائم_زمراوي
عبد_واحد_محمد_نور نور_دين_يزيد_زرهوني سعد_دين_عثماني التو_يجري عبد_ألمحسن_التو_يجري بر_هو_صالح
هيلموى_كول دأنا_برينو دأنا_بيرينو علي_إلدباغ علي_اهاني ثمان_محمد_الاغبش نور_عدي
'''.split())


def countries():
    iso, stems = set(), set()
    for line in COUNTRIES.read_text(encoding='utf-8').splitlines():
        if line.startswith('#') or not line.strip():
            continue
        f = line.split('\t')
        iso.add(f[0])
        for s in f[3].split('|'):
            if s != '-':
                stems.add(s.replace('أ', 'ا').replace('إ', 'ا'))
    return iso, stems


def parse(lines):
    """Yields (name, [(code, dates)]) per entry; roles may sit on the entry line or on indented lines."""
    cur = None
    role = re.compile(r'\[([A-Z]+)\s*([^\]]*)\]')
    for line in lines:
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        if line[0] in ' \t' and line.strip().startswith('['):
            if cur:
                cur[1].extend(role.findall(line))
            continue
        if cur:
            yield cur
        m = re.match(r'^\s*(\S+)\s*(.*)$', line)
        cur = (m.group(1), role.findall(m.group(2)))
    if cur:
        yield cur


def date(s):
    """'20140908' → '2014-09-08'; 18000101 (open) and malformed dates → None."""
    s = s.strip()
    if not re.fullmatch(r'\d{8}', s) or s.startswith('1800'):
        return None
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
    if not (1900 <= y <= 2030 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f'{s[:4]}-{s[4:6]}-{s[6:]}'


def dates(spec):
    spec = spec.replace(' ', '')
    if spec.startswith('>'):
        return date(spec[1:]), None
    if spec.startswith('<'):
        return None, date(spec[1:])
    if '-' in spec:
        a, b = spec.split('-', 1)
        start, end = date(a), date(b)
        if start and end and end < start:
            end = None
        return start, end
    return None, None


def main():
    iso, stems = countries()
    lines = SRC.read_text(encoding='utf-8').splitlines()
    out = {}
    for name, roles in parse(lines):
        words = [w for w in name.strip('_').split('_') if w]
        key = '_'.join(words)
        if not 2 <= len(words) <= 4 or key in EXCLUDE:
            continue
        if any(w in STOP or w.replace('أ', 'ا').replace('إ', 'ا') in stems for w in words):
            continue
        if any(re.search(r'[^\u0621-\u064A\u0671\u0670\u0640]', w) for w in words):
            continue
        good = []
        for code, spec in roles:
            country, sector = code[:3], code[3:6]
            if country in iso and sector in SECTORS:
                start, end = dates(spec)
                good.append((start or '', end, country, sector))
        if not good:
            continue
        start, end, country, sector = max(good, key=lambda g: g[0])
        phrase = ' '.join(words)
        if phrase in out:
            continue
        out[phrase] = (country, sector)
    with OUT.open('w', encoding='utf-8') as f:
        f.write('# actors-up.tsv — person names mined from UniversalPetrarch actor_dict_ar_v4.txt (MIT, Open Event Data\n')
        f.write('# Alliance; see ../LICENSE.universalpetrarch) by crates/marsad-lexicon/tools/mine_up_actors.py; do not edit.\n')
        f.write('# Licence: MIT. Merged into ../actors.tsv (source tag up-ar) after the hand-written rows.\n')
        f.write('# phrase\tcountry\tsector\n')
        for phrase in sorted(out):
            c, s = out[phrase]
            f.write(f'{phrase}\t{c}\t{s}\n')
    print(f'{len(out)} names written to {OUT}', file=sys.stderr)


if __name__ == '__main__':
    main()
