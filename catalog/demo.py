"""Demo catalog for the two demo businesses: categories, 50-odd products, exchange rates and a
few explicit prices in another currency.

Names and descriptions are given in every language of settings.LANGUAGES, in the order of
LANGUAGES below. Products come in families: the variants of a family (sizes, colours,
fillings) share the family's unit and description. SKUs are numbered per category in the
order of the data (ANK-PST-001, ...), so the data must only ever be appended to.

Idempotent: categories are keyed on their English name, products on their SKU, rates on
their currency, explicit prices on product and currency; a second run updates the same rows.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from catalog.models import Category, ExchangeRate, Product, ProductPrice

LANGUAGES = ("en", "tr", "ro", "ru", "fa")

PIECE = Product.Unit.PIECE
KG = Product.Unit.KG
METRE = Product.Unit.METRE
BOX = Product.Unit.BOX
PACK = Product.Unit.PACK
DOZEN = Product.Unit.DOZEN

# Units of each currency for one euro; a tenant's rates are derived from these.
PER_EURO = {
    "EUR": Decimal("1"),
    "USD": Decimal("1.094"),
    "GBP": Decimal("0.842"),
    "TRY": Decimal("37.74"),
    "RON": Decimal("4.975"),
}
RATE_PLACES = Decimal("0.0001")

# Anka Tekstil Atölyesi, Bursa: hand-woven towels, peştemal, bathrobes, home textiles.
# A category is (SKU code, names, families); a family is (unit, description, variants);
# a variant is (price in the base currency, names), or (price, names, unit) when its unit
# differs from the family's.
TEXTILE_CATEGORIES = [
    (
        "TWL",
        ("Towels", "Havlular", "Prosoape", "Полотенца", "حوله‌ها"),
        [
            (
                PIECE,
                (
                    "Hand-woven on our shuttle looms in Bursa from 100% Turkish cotton. "
                    "Soft, highly absorbent and softer with every wash.",
                    "Bursa'daki mekikli tezgâhlarımızda %100 Türk pamuğundan elde dokunur. "
                    "Yumuşaktır, suyu çok iyi emer ve her yıkamada daha da yumuşar.",
                    "Țesut manual la războaiele noastre din Bursa, din bumbac turcesc 100%. "
                    "Moale, foarte absorbant și tot mai moale după fiecare spălare.",
                    "Соткано вручную на наших челночных станках в Бурсе из 100% турецкого "
                    "хлопка. Мягкое, отлично впитывает влагу и становится мягче после каждой "
                    "стирки.",
                    "با دستگاه‌های بافندگی ماکویی کارگاه ما در بورسا از پنبه‌ی ۱۰۰٪ ترکیه "
                    "دستباف شده است. نرم است، آب را بسیار خوب جذب می‌کند و با هر شست‌وشو "
                    "نرم‌تر می‌شود.",
                ),
                [
                    (
                        "390.00",
                        (
                            "Hand towel 50×90 cm, white",
                            "El havlusu 50×90 cm, beyaz",
                            "Prosop de mâini 50×90 cm, alb",
                            "Полотенце для рук 50×90 см, белое",
                            "حوله‌ی دست ۵۰×۹۰ سانتی‌متر، سفید",
                        ),
                    ),
                    (
                        "390.00",
                        (
                            "Hand towel 50×90 cm, anthracite",
                            "El havlusu 50×90 cm, antrasit",
                            "Prosop de mâini 50×90 cm, antracit",
                            "Полотенце для рук 50×90 см, графитовое",
                            "حوله‌ی دست ۵۰×۹۰ سانتی‌متر، ذغالی",
                        ),
                    ),
                    (
                        "790.00",
                        (
                            "Bath towel 70×140 cm, white",
                            "Banyo havlusu 70×140 cm, beyaz",
                            "Prosop de baie 70×140 cm, alb",
                            "Банное полотенце 70×140 см, белое",
                            "حوله‌ی حمام ۷۰×۱۴۰ سانتی‌متر، سفید",
                        ),
                    ),
                    (
                        "790.00",
                        (
                            "Bath towel 70×140 cm, beige",
                            "Banyo havlusu 70×140 cm, bej",
                            "Prosop de baie 70×140 cm, bej",
                            "Банное полотенце 70×140 см, бежевое",
                            "حوله‌ی حمام ۷۰×۱۴۰ سانتی‌متر، بژ",
                        ),
                    ),
                    (
                        "820.00",
                        (
                            "Bath towel 70×140 cm, navy",
                            "Banyo havlusu 70×140 cm, lacivert",
                            "Prosop de baie 70×140 cm, bleumarin",
                            "Банное полотенце 70×140 см, тёмно-синее",
                            "حوله‌ی حمام ۷۰×۱۴۰ سانتی‌متر، سرمه‌ای",
                        ),
                    ),
                    (
                        "1090.00",
                        (
                            "Large bath towel 100×150 cm, white",
                            "Büyük banyo havlusu 100×150 cm, beyaz",
                            "Prosop de baie mare 100×150 cm, alb",
                            "Большое банное полотенце 100×150 см, белое",
                            "حوله‌ی حمام بزرگ ۱۰۰×۱۵۰ سانتی‌متر، سفید",
                        ),
                    ),
                    (
                        "185.00",
                        (
                            "Guest towel 30×50 cm, white",
                            "Misafir havlusu 30×50 cm, beyaz",
                            "Prosop pentru oaspeți 30×50 cm, alb",
                            "Гостевое полотенце 30×50 см, белое",
                            "حوله‌ی مهمان ۳۰×۵۰ سانتی‌متر، سفید",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "60% bamboo viscose and 40% cotton, silky to the touch. "
                    "Dries quickly and stays fresh for longer.",
                    "%60 bambu viskoz ve %40 pamuktan, ipeksi bir dokusu vardır. "
                    "Çabuk kurur ve uzun süre ferah kalır.",
                    "60% viscoză din bambus și 40% bumbac, mătăsos la atingere. "
                    "Se usucă repede și rămâne proaspăt mai mult timp.",
                    "Ткань из 60% бамбуковой вискозы и 40% хлопка, шелковистая на ощупь. "
                    "Быстро сохнет и надолго остаётся свежей.",
                    "از ۶۰٪ ویسکوز بامبو و ۴۰٪ پنبه، با حسی ابریشمی. "
                    "زود خشک می‌شود و مدت بیشتری تازه می‌ماند.",
                ),
                [
                    (
                        "950.00",
                        (
                            "Bamboo bath towel 70×140 cm, ecru",
                            "Bambu banyo havlusu 70×140 cm, ekru",
                            "Prosop de baie din bambus 70×140 cm, ecru",
                            "Бамбуковое банное полотенце 70×140 см, цвет экрю",
                            "حوله‌ی حمام بامبو ۷۰×۱۴۰ سانتی‌متر، شیری",
                        ),
                    ),
                    (
                        "470.00",
                        (
                            "Bamboo hand towel 50×90 cm, ecru",
                            "Bambu el havlusu 50×90 cm, ekru",
                            "Prosop de mâini din bambus 50×90 cm, ecru",
                            "Бамбуковое полотенце для рук 50×90 см, цвет экрю",
                            "حوله‌ی دست بامبو ۵۰×۹۰ سانتی‌متر، شیری",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Four layers of airy cotton muslin: light, quick-drying and ideal for the "
                    "beach or travel.",
                    "Dört kat havadar pamuk müslinden; hafiftir, çabuk kurur, plaj ve seyahat "
                    "için idealdir.",
                    "Patru straturi de muselină de bumbac aerisită: ușor, se usucă repede și "
                    "e ideal pentru plajă sau călătorii.",
                    "Четыре слоя воздушного хлопкового муслина: лёгкое, быстро сохнет, "
                    "идеально для пляжа и поездок.",
                    "چهار لایه موسلین پنبه‌ای لطیف؛ سبک است، زود خشک می‌شود و برای ساحل و "
                    "سفر ایده‌آل است.",
                ),
                [
                    (
                        "1150.00",
                        (
                            "Muslin towel 90×170 cm, sage green",
                            "Müslin havlu 90×170 cm, adaçayı yeşili",
                            "Prosop din muselină 90×170 cm, verde salvie",
                            "Муслиновое полотенце 90×170 см, цвет шалфея",
                            "حوله‌ی موسلین ۹۰×۱۷۰ سانتی‌متر، سبز مریمی",
                        ),
                    ),
                    (
                        "1150.00",
                        (
                            "Muslin towel 90×170 cm, dusty pink",
                            "Müslin havlu 90×170 cm, gül kurusu",
                            "Prosop din muselină 90×170 cm, roz pudrat",
                            "Муслиновое полотенце 90×170 см, пыльно-розовое",
                            "حوله‌ی موسلین ۹۰×۱۷۰ سانتی‌متر، صورتی پودری",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A soft terry towel with a hood and embroidered animal ears, sized for "
                    "children up to six.",
                    "Kapüşonlu ve hayvan kulağı nakışlı yumuşak havlu; altı yaşına kadar "
                    "çocuklar için.",
                    "Prosop moale din frotir, cu glugă și urechiușe brodate, pe măsura "
                    "copiilor de până la șase ani.",
                    "Мягкое махровое полотенце с капюшоном и вышитыми ушками, для детей до "
                    "шести лет.",
                    "حوله‌ی نرم کلاه‌دار با گوش‌های گلدوزی‌شده‌ی حیوانات، مناسب کودکان تا شش سال.",
                ),
                [
                    (
                        "650.00",
                        (
                            "Kids' hooded towel 75×75 cm, bunny",
                            "Çocuk kapüşonlu havlu 75×75 cm, tavşan",
                            "Prosop cu glugă pentru copii 75×75 cm, iepuraș",
                            "Детское полотенце с капюшоном 75×75 см, зайчик",
                            "حوله‌ی کلاه‌دار کودک ۷۵×۷۵ سانتی‌متر، طرح خرگوش",
                        ),
                    ),
                    (
                        "650.00",
                        (
                            "Kids' hooded towel 75×75 cm, teddy bear",
                            "Çocuk kapüşonlu havlu 75×75 cm, ayıcık",
                            "Prosop cu glugă pentru copii 75×75 cm, ursuleț",
                            "Детское полотенце с капюшоном 75×75 см, мишка",
                            "حوله‌ی کلاه‌دار کودک ۷۵×۷۵ سانتی‌متر، طرح خرس",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A thick, heavy terry mat for the bathroom floor that absorbs well and "
                    "does not slip.",
                    "Banyo zemini için kalın ve ağır dokunmuş ayak havlusu; suyu iyi emer, kaymaz.",
                    "Covoraș gros din frotir greu pentru podeaua băii; absoarbe bine și nu "
                    "alunecă.",
                    "Плотный тяжёлый махровый коврик для пола ванной: хорошо впитывает воду и "
                    "не скользит.",
                    "پادری ضخیم و سنگین حوله‌ای برای کف حمام؛ آب را خوب جذب می‌کند و لیز نمی‌خورد.",
                ),
                [
                    (
                        "320.00",
                        (
                            "Bath mat 50×70 cm, white",
                            "Ayak havlusu 50×70 cm, beyaz",
                            "Covoraș de baie 50×70 cm, alb",
                            "Коврик для ванной 50×70 см, белый",
                            "پادری حمام ۵۰×۷۰ سانتی‌متر، سفید",
                        ),
                    ),
                ],
            ),
            (
                BOX,
                (
                    "Our white bath towel, packed twelve to a box for hotels, spas and gyms.",
                    "Beyaz banyo havlumuz; oteller, spa'lar ve spor salonları için 12'li kutuda.",
                    "Prosopul nostru de baie alb, ambalat câte douăsprezece în cutie, pentru "
                    "hoteluri, spa-uri și săli de sport.",
                    "Наше белое банное полотенце в коробках по двенадцать штук — для отелей, "
                    "спа и фитнес-клубов.",
                    "حوله‌ی حمام سفید ما در جعبه‌های دوازده‌تایی، برای هتل‌ها، اسپاها و "
                    "باشگاه‌های ورزشی.",
                ),
                [
                    (
                        "8400.00",
                        (
                            "Hotel bath towel 70×140 cm, white, box of 12",
                            "Otel banyo havlusu 70×140 cm, beyaz, 12'li kutu",
                            "Prosop de baie pentru hotel 70×140 cm, alb, cutie de 12",
                            "Гостиничное банное полотенце 70×140 см, белое, коробка 12 шт.",
                            "حوله‌ی حمام هتلی ۷۰×۱۴۰ سانتی‌متر، سفید، جعبه‌ی ۱۲ عددی",
                        ),
                    ),
                ],
            ),
        ],
    ),
    (
        "PST",
        ("Peshtemals", "Peştemaller", "Peștemaluri", "Пештемали", "لنگ‌های حمام"),
        [
            (
                PIECE,
                (
                    "The classic Turkish peshtemal: striped hand-woven cotton with twisted "
                    "fringes. Light, absorbent and folds small for the hammam, beach or pool.",
                    "Çizgili el dokuması pamuk ve burgulu saçaklarıyla klasik peştemal. "
                    "Hafiftir, iyi emer; hamam, plaj ya da havuz için küçücük katlanır.",
                    "Peștemalul turcesc clasic, din bumbac în dungi țesut manual, cu franjuri "
                    "răsucite. Ușor, absorbant, se pliază mic pentru hammam, plajă sau piscină.",
                    "Классический турецкий пештемаль из полосатого хлопка ручного ткачества "
                    "с кручёной бахромой. Лёгкий, хорошо впитывает и компактно складывается "
                    "для хаммама, пляжа или бассейна.",
                    "لنگ کلاسیک ترکی از پنبه‌ی دستباف راه‌راه با ریشه‌های تابیده. سبک و جاذب "
                    "است و کوچک تا می‌شود تا به‌راحتی آن را به حمام، ساحل یا استخر ببرید.",
                ),
                [
                    (
                        "550.00",
                        (
                            "Classic peshtemal 90×180 cm, navy",
                            "Klasik peştemal 90×180 cm, lacivert",
                            "Peștemal clasic 90×180 cm, bleumarin",
                            "Классический пештемаль 90×180 см, тёмно-синий",
                            "لنگ حمام کلاسیک ۹۰×۱۸۰ سانتی‌متر، سرمه‌ای",
                        ),
                    ),
                    (
                        "550.00",
                        (
                            "Classic peshtemal 90×180 cm, red",
                            "Klasik peştemal 90×180 cm, kırmızı",
                            "Peștemal clasic 90×180 cm, roșu",
                            "Классический пештемаль 90×180 см, красный",
                            "لنگ حمام کلاسیک ۹۰×۱۸۰ سانتی‌متر، قرمز",
                        ),
                    ),
                    (
                        "550.00",
                        (
                            "Classic peshtemal 90×180 cm, turquoise",
                            "Klasik peştemal 90×180 cm, turkuaz",
                            "Peștemal clasic 90×180 cm, turcoaz",
                            "Классический пештемаль 90×180 см, бирюзовый",
                            "لنگ حمام کلاسیک ۹۰×۱۸۰ سانتی‌متر، فیروزه‌ای",
                        ),
                    ),
                    (
                        "550.00",
                        (
                            "Classic peshtemal 90×180 cm, grey",
                            "Klasik peştemal 90×180 cm, gri",
                            "Peștemal clasic 90×180 cm, gri",
                            "Классический пештемаль 90×180 см, серый",
                            "لنگ حمام کلاسیک ۹۰×۱۸۰ سانتی‌متر، طوسی",
                        ),
                    ),
                    (
                        "550.00",
                        (
                            "Classic peshtemal 90×180 cm, mustard",
                            "Klasik peştemal 90×180 cm, hardal",
                            "Peștemal clasic 90×180 cm, muștar",
                            "Классический пештемаль 90×180 см, горчичный",
                            "لنگ حمام کلاسیک ۹۰×۱۸۰ سانتی‌متر، خردلی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A dense herringbone weave in 100% cotton, a little heavier than the "
                    "classic. Doubles as a throw or a tablecloth.",
                    "%100 pamuktan sık balıksırtı dokuma, klasik modelden biraz daha ağır. "
                    "Şal ya da masa örtüsü olarak da kullanılabilir.",
                    "Țesătură deasă în spic, din bumbac 100%, puțin mai grea decât modelul "
                    "clasic. Poate fi folosit și ca pled sau față de masă.",
                    "Плотное плетение «ёлочка» из 100% хлопка, чуть тяжелее классического. "
                    "Подойдёт и как плед или скатерть.",
                    "بافت متراکم جناقی از ۱۰۰٪ پنبه، کمی سنگین‌تر از مدل کلاسیک. "
                    "می‌توان از آن به‌عنوان روانداز یا رومیزی هم استفاده کرد.",
                ),
                [
                    (
                        "690.00",
                        (
                            "Herringbone peshtemal 100×180 cm, natural",
                            "Balıksırtı peştemal 100×180 cm, doğal",
                            "Peștemal în spic 100×180 cm, natur",
                            "Пештемаль «ёлочка» 100×180 см, натуральный",
                            "لنگ حمام جناقی ۱۰۰×۱۸۰ سانتی‌متر، رنگ طبیعی",
                        ),
                    ),
                    (
                        "690.00",
                        (
                            "Herringbone peshtemal 100×180 cm, terracotta",
                            "Balıksırtı peştemal 100×180 cm, kiremit",
                            "Peștemal în spic 100×180 cm, teracota",
                            "Пештемаль «ёлочка» 100×180 см, терракотовый",
                            "لنگ حمام جناقی ۱۰۰×۱۸۰ سانتی‌متر، آجری",
                        ),
                    ),
                    (
                        "690.00",
                        (
                            "Herringbone peshtemal 100×180 cm, olive",
                            "Balıksırtı peştemal 100×180 cm, zeytin yeşili",
                            "Peștemal în spic 100×180 cm, verde măsliniu",
                            "Пештемаль «ёлочка» 100×180 см, оливковый",
                            "لنگ حمام جناقی ۱۰۰×۱۸۰ سانتی‌متر، زیتونی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Woven from pure linen, with long hand-knotted fringes. Cool on the skin "
                    "and softer year after year.",
                    "Saf ketenden dokunur, uzun saçakları elde düğümlenir. Tene serin gelir ve "
                    "yıllar geçtikçe yumuşar.",
                    "Țesut din in pur, cu franjuri lungi înnodate manual. Răcoros pe piele și "
                    "tot mai moale de la an la an.",
                    "Соткан из чистого льна, с длинной бахромой, завязанной вручную. Приятно "
                    "холодит кожу и с годами становится мягче.",
                    "از کتان خالص بافته شده و ریشه‌های بلندش با دست گره خورده است. روی پوست "
                    "خنک است و سال به سال نرم‌تر می‌شود.",
                ),
                [
                    (
                        "980.00",
                        (
                            "Linen peshtemal 95×180 cm, natural",
                            "Keten peştemal 95×180 cm, doğal",
                            "Peștemal din in 95×180 cm, natur",
                            "Льняной пештемаль 95×180 см, натуральный",
                            "لنگ حمام کتان ۹۵×۱۸۰ سانتی‌متر، رنگ طبیعی",
                        ),
                    ),
                    (
                        "1020.00",
                        (
                            "Linen peshtemal 95×180 cm, indigo",
                            "Keten peştemal 95×180 cm, çivit mavisi",
                            "Peștemal din in 95×180 cm, indigo",
                            "Льняной пештемаль 95×180 см, цвет индиго",
                            "لنگ حمام کتان ۹۵×۱۸۰ سانتی‌متر، نیلی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Flat-woven peshtemal on the front, soft terry loops on the back: the "
                    "lightness of a peshtemal with the absorbency of a towel.",
                    "Ön yüzü düz dokuma peştemal, arka yüzü yumuşak havlu: peştemalin "
                    "hafifliği ile havlunun emiciliği bir arada.",
                    "Pe față, țesătură plată de peștemal; pe spate, bucle moi de frotir: "
                    "lejeritatea unui peștemal și absorbția unui prosop.",
                    "Лицевая сторона — гладкое пештемальное плетение, изнанка — мягкая махра: "
                    "лёгкость пештемаля и впитываемость полотенца.",
                    "رویه‌اش بافت ساده‌ی لنگ است و پشتش حوله‌ی نرم؛ سبکی لنگ و جذب آب حوله "
                    "در یک محصول.",
                ),
                [
                    (
                        "850.00",
                        (
                            "Terry-backed peshtemal 90×170 cm, navy stripes",
                            "Havlulu peştemal 90×170 cm, lacivert çizgili",
                            "Peștemal cu frotir 90×170 cm, dungi bleumarin",
                            "Пештемаль с махровой изнанкой 90×170 см, тёмно-синяя полоска",
                            "لنگ حمام حوله‌دار ۹۰×۱۷۰ سانتی‌متر، راه‌راه سرمه‌ای",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Our classic peshtemal in a child's size, light enough for the school bag.",
                    "Klasik peştemalimizin çocuk boyu; okul çantasına sığacak kadar hafif.",
                    "Peștemalul nostru clasic în mărime pentru copii, destul de ușor pentru "
                    "ghiozdan.",
                    "Наш классический пештемаль в детском размере — такой лёгкий, что "
                    "поместится в школьный рюкзак.",
                    "همان لنگ کلاسیک ما در اندازه‌ی کودک؛ آن‌قدر سبک که در کیف مدرسه جا می‌شود.",
                ),
                [
                    (
                        "380.00",
                        (
                            "Kids' peshtemal 70×120 cm, rainbow",
                            "Çocuk peştemalı 70×120 cm, gökkuşağı",
                            "Peștemal pentru copii 70×120 cm, curcubeu",
                            "Детский пештемаль 70×120 см, радужный",
                            "لنگ حمام کودک ۷۰×۱۲۰ سانتی‌متر، رنگین‌کمانی",
                        ),
                    ),
                ],
            ),
            (
                METRE,
                (
                    "Striped peshtemal fabric, 90 cm wide, sold by the metre to hotels and "
                    "designers who sew their own.",
                    "Otellere ve kendi dikimini yapan tasarımcılara metreyle satılan, 90 cm "
                    "enli çizgili peştemal kumaşı.",
                    "Țesătură de peștemal în dungi, lată de 90 cm, vândută la metru pentru "
                    "hoteluri și designeri care își cos singuri produsele.",
                    "Полосатая пештемальная ткань шириной 90 см, продаётся на метры — для "
                    "отелей и дизайнеров, которые шьют сами.",
                    "پارچه‌ی راه‌راه لنگ با عرض ۹۰ سانتی‌متر، به‌صورت متری برای هتل‌ها و "
                    "طراحانی که خودشان می‌دوزند.",
                ),
                [
                    (
                        "260.00",
                        (
                            "Peshtemal fabric, 90 cm wide",
                            "Peştemal kumaşı, 90 cm en",
                            "Țesătură de peștemal, lățime 90 cm",
                            "Пештемальная ткань, ширина 90 см",
                            "پارچه‌ی لنگ، عرض ۹۰ سانتی‌متر",
                        ),
                    ),
                ],
            ),
            (
                PACK,
                (
                    "Ten classic peshtemals in assorted colours, packed together for hotels, "
                    "hammams and beach clubs.",
                    "Oteller, hamamlar ve plaj kulüpleri için karışık renkli on klasik "
                    "peştemal, tek pakette.",
                    "Zece peștemaluri clasice în culori asortate, ambalate împreună pentru "
                    "hoteluri, hammamuri și cluburi de plajă.",
                    "Десять классических пештемалей разных цветов в одной упаковке — для "
                    "отелей, хаммамов и пляжных клубов.",
                    "ده لنگ کلاسیک در رنگ‌های مختلف در یک بسته، برای هتل‌ها، حمام‌ها و کلوپ‌های ساحلی.",
                ),
                [
                    (
                        "4950.00",
                        (
                            "Classic peshtemal, pack of 10, assorted colours",
                            "Klasik peştemal, 10'lu paket, karışık renk",
                            "Peștemal clasic, pachet de 10, culori asortate",
                            "Классический пештемаль, упаковка 10 шт., разные цвета",
                            "لنگ حمام کلاسیک، بسته‌ی ۱۰ عددی، رنگ‌های متنوع",
                        ),
                    ),
                ],
            ),
        ],
    ),
    (
        "BRB",
        ("Bathrobes", "Bornozlar", "Halate de baie", "Банные халаты", "حوله‌های تن‌پوش"),
        [
            (
                PIECE,
                (
                    "A classic shawl-collar robe in thick cotton terry, with two pockets and a "
                    "belt. Warm and absorbent straight out of the bath.",
                    "Kalın pamuklu havlu kumaştan, şal yakalı, iki cepli ve kemerli klasik "
                    "bornoz. Banyodan çıkar çıkmaz ısıtır ve kurular.",
                    "Halat clasic cu guler șal, din frotir gros de bumbac, cu două buzunare și "
                    "cordon. Cald și absorbant imediat după baie.",
                    "Классический халат с воротником-шалью из плотной хлопковой махры, с двумя "
                    "карманами и поясом. Согревает и впитывает влагу сразу после ванны.",
                    "تن‌پوش کلاسیک یقه‌شالی از حوله‌ی پنبه‌ای ضخیم، با دو جیب و کمربند. "
                    "بلافاصله بعد از حمام گرم نگهتان می‌دارد و آب را جذب می‌کند.",
                ),
                [
                    (
                        "1850.00",
                        (
                            "Terry bathrobe with shawl collar, S/M, white",
                            "Şal yaka havlu bornoz, S/M, beyaz",
                            "Halat de baie din frotir cu guler șal, S/M, alb",
                            "Махровый халат с воротником-шалью, S/M, белый",
                            "حوله‌ی تن‌پوش یقه‌شالی، سایز S/M، سفید",
                        ),
                    ),
                    (
                        "1950.00",
                        (
                            "Terry bathrobe with shawl collar, L/XL, white",
                            "Şal yaka havlu bornoz, L/XL, beyaz",
                            "Halat de baie din frotir cu guler șal, L/XL, alb",
                            "Махровый халат с воротником-шалью, L/XL, белый",
                            "حوله‌ی تن‌پوش یقه‌شالی، سایز L/XL، سفید",
                        ),
                    ),
                    (
                        "1950.00",
                        (
                            "Terry bathrobe with shawl collar, L/XL, navy",
                            "Şal yaka havlu bornoz, L/XL, lacivert",
                            "Halat de baie din frotir cu guler șal, L/XL, bleumarin",
                            "Махровый халат с воротником-шалью, L/XL, тёмно-синий",
                            "حوله‌ی تن‌پوش یقه‌شالی، سایز L/XL، سرمه‌ای",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A lightweight waffle-weave kimono robe, perfect for spas, summer and travel.",
                    "Spa, yaz ve seyahat için ideal, hafif petek dokuma kimono bornoz.",
                    "Halat kimono ușor, din țesătură tip vafă, perfect pentru spa, vară și "
                    "călătorii.",
                    "Лёгкий халат-кимоно из вафельного полотна — идеален для спа, лета и поездок.",
                    "تن‌پوش کیمونویی سبک با بافت وافلی، مناسب اسپا، تابستان و سفر.",
                ),
                [
                    (
                        "1650.00",
                        (
                            "Waffle kimono robe, one size, grey",
                            "Petek dokuma kimono bornoz, standart beden, gri",
                            "Halat kimono din vafă, mărime universală, gri",
                            "Вафельный халат-кимоно, единый размер, серый",
                            "تن‌پوش کیمونویی وافلی، فری‌سایز، طوسی",
                        ),
                    ),
                    (
                        "1650.00",
                        (
                            "Waffle kimono robe, one size, white",
                            "Petek dokuma kimono bornoz, standart beden, beyaz",
                            "Halat kimono din vafă, mărime universală, alb",
                            "Вафельный халат-кимоно, единый размер, белый",
                            "تن‌پوش کیمونویی وافلی، فری‌سایز، سفید",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A kimono-cut robe sewn from our striped peshtemal fabric, for the beach "
                    "or the hammam.",
                    "Çizgili peştemal kumaşımızdan dikilmiş kimono kesim bornoz; plaj ya da "
                    "hamam için.",
                    "Halat cu croială kimono, cusut din țesătura noastră de peștemal în dungi, "
                    "pentru plajă sau hammam.",
                    "Халат кимоно из нашей полосатой пештемальной ткани — для пляжа или хаммама.",
                    "تن‌پوشی با برش کیمونو، دوخته‌شده از پارچه‌ی راه‌راه لنگ ما، برای ساحل یا حمام.",
                ),
                [
                    (
                        "1450.00",
                        (
                            "Peshtemal kimono, one size, turquoise stripes",
                            "Peştemal kimono, standart beden, turkuaz çizgili",
                            "Kimono din peștemal, mărime universală, dungi turcoaz",
                            "Кимоно из пештемаля, единый размер, бирюзовая полоска",
                            "کیمونوی لنگی، فری‌سایز، راه‌راه فیروزه‌ای",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A robe of four-layer cotton muslin, airy in summer and cosy in winter.",
                    "Dört kat pamuk müslinden bornoz; yazın havadar, kışın sıcacık.",
                    "Halat din muselină de bumbac în patru straturi, aerisit vara și călduros "
                    "iarna.",
                    "Халат из четырёхслойного хлопкового муслина: воздушный летом и уютный зимой.",
                    "تن‌پوشی از موسلین پنبه‌ای چهارلایه؛ در تابستان خنک و در زمستان گرم.",
                ),
                [
                    (
                        "2150.00",
                        (
                            "Muslin bathrobe, L/XL, natural",
                            "Müslin bornoz, L/XL, doğal",
                            "Halat din muselină, L/XL, natur",
                            "Муслиновый халат, L/XL, натуральный",
                            "تن‌پوش موسلین، سایز L/XL، رنگ طبیعی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A hooded terry robe for children, with a short belt that stays tied.",
                    "Çocuklar için kapüşonlu havlu bornoz; kısa kemeri kolay kolay çözülmez.",
                    "Halat cu glugă din frotir pentru copii, cu un cordon scurt care rămâne legat.",
                    "Махровый халат с капюшоном для детей, с коротким поясом, который не "
                    "развязывается.",
                    "تن‌پوش حوله‌ای کلاه‌دار برای کودکان، با کمربند کوتاهی که باز نمی‌شود.",
                ),
                [
                    (
                        "990.00",
                        (
                            "Kids' hooded bathrobe, 4–6 years, blue",
                            "Çocuk kapüşonlu bornoz, 4-6 yaş, mavi",
                            "Halat cu glugă pentru copii, 4–6 ani, albastru",
                            "Детский халат с капюшоном, 4–6 лет, голубой",
                            "تن‌پوش کلاه‌دار کودک، ۴ تا ۶ سال، آبی",
                        ),
                    ),
                    (
                        "1090.00",
                        (
                            "Kids' hooded bathrobe, 7–9 years, pink",
                            "Çocuk kapüşonlu bornoz, 7-9 yaş, pembe",
                            "Halat cu glugă pentru copii, 7–9 ani, roz",
                            "Детский халат с капюшоном, 7–9 лет, розовый",
                            "تن‌پوش کلاه‌دار کودک، ۷ تا ۹ سال، صورتی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A heavy 450 g/m² terry robe for hotels, with a hanging loop. We can "
                    "embroider it with your logo.",
                    "Oteller için 450 g/m² ağır havlu bornoz, askı ilmekli. Logonuzu "
                    "nakışla işleyebiliriz.",
                    "Halat greu din frotir de 450 g/m² pentru hoteluri, cu agățătoare. Îl "
                    "putem broda cu sigla dumneavoastră.",
                    "Плотный махровый халат 450 г/м² для отелей, с петелькой для подвешивания. "
                    "Можем вышить на нём ваш логотип.",
                    "تن‌پوش حوله‌ای سنگین ۴۵۰ گرم در متر مربع برای هتل‌ها، با بند آویز. "
                    "می‌توانیم لوگوی شما را روی آن گلدوزی کنیم.",
                ),
                [
                    (
                        "2400.00",
                        (
                            "Hotel bathrobe 450 g/m², L, white",
                            "Otel bornozu 450 g/m², L, beyaz",
                            "Halat de hotel 450 g/m², L, alb",
                            "Гостиничный халат 450 г/м², L, белый",
                            "تن‌پوش هتلی ۴۵۰ گرمی، سایز L، سفید",
                        ),
                    ),
                ],
            ),
        ],
    ),
    (
        "HOM",
        (
            "Home textiles",
            "Ev tekstili",
            "Textile pentru casă",
            "Домашний текстиль",
            "منسوجات خانگی",
        ),
        [
            (
                PIECE,
                (
                    "A light cotton piqué coverlet woven in the traditional Denizli style, for "
                    "summer beds or the sofa.",
                    "Geleneksel Denizli usulü dokunmuş hafif pamuklu pike; yaz yatakları ya da "
                    "kanepe için.",
                    "Cuvertură ușoară din pichet de bumbac, țesută în stilul tradițional din "
                    "Denizli, pentru paturile de vară sau canapea.",
                    "Лёгкое хлопковое пике, сотканное в традиционном денизлийском стиле, — "
                    "для летней постели или дивана.",
                    "روتختی سبک پیکه‌ی پنبه‌ای، بافته‌شده به سبک سنتی دنیزلی، برای تخت در "
                    "تابستان یا روی مبل.",
                ),
                [
                    (
                        "1350.00",
                        (
                            "Cotton piqué coverlet, single, 160×220 cm",
                            "Pamuk pike, tek kişilik, 160×220 cm",
                            "Cuvertură din pichet de bumbac, de o persoană, 160×220 cm",
                            "Хлопковое пике, односпальное, 160×220 см",
                            "روتختی پیکه‌ی پنبه‌ای، یک‌نفره، ۱۶۰×۲۲۰ سانتی‌متر",
                        ),
                    ),
                    (
                        "1750.00",
                        (
                            "Cotton piqué coverlet, double, 200×220 cm",
                            "Pamuk pike, çift kişilik, 200×220 cm",
                            "Cuvertură din pichet de bumbac, dublă, 200×220 cm",
                            "Хлопковое пике, двуспальное, 200×220 см",
                            "روتختی پیکه‌ی پنبه‌ای، دونفره، ۲۰۰×۲۲۰ سانتی‌متر",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A stonewashed linen tablecloth with a hemstitched border. Needs no ironing.",
                    "Ajurlu kenarlı, taş yıkamalı keten masa örtüsü. Ütü gerektirmez.",
                    "Față de masă din in prespălat, cu tiv ajurat. Nu necesită călcare.",
                    "Скатерть из стираного льна с мережкой по краю. Не требует глажки.",
                    "رومیزی کتان سنگ‌شور با حاشیه‌ی مشبک‌دوزی. نیازی به اتو ندارد.",
                ),
                [
                    (
                        "1400.00",
                        (
                            "Linen tablecloth 150×250 cm, natural",
                            "Keten masa örtüsü 150×250 cm, doğal",
                            "Față de masă din in 150×250 cm, natur",
                            "Льняная скатерть 150×250 см, натуральная",
                            "رومیزی کتان ۱۵۰×۲۵۰ سانتی‌متر، رنگ طبیعی",
                        ),
                    ),
                    (
                        "1050.00",
                        (
                            "Linen tablecloth 150×150 cm, white",
                            "Keten masa örtüsü 150×150 cm, beyaz",
                            "Față de masă din in 150×150 cm, albă",
                            "Льняная скатерть 150×150 см, белая",
                            "رومیزی کتان ۱۵۰×۱۵۰ سانتی‌متر، سفید",
                        ),
                    ),
                ],
            ),
            (
                PACK,
                (
                    "Six hand-woven cotton napkins, 45×45 cm, in a matching set.",
                    "Altı adet el dokuması pamuk peçete, 45×45 cm, takım halinde.",
                    "Șase șervețele de masă din bumbac țesut manual, 45×45 cm, într-un set "
                    "asortat.",
                    "Шесть салфеток из хлопка ручного ткачества, 45×45 см, в одном комплекте.",
                    "شش دستمال سفره‌ی پنبه‌ای دستباف ۴۵×۴۵ سانتی‌متری در یک ست هماهنگ.",
                ),
                [
                    (
                        "420.00",
                        (
                            "Cotton napkins, set of 6",
                            "Pamuk peçete, 6'lı takım",
                            "Șervețele de masă din bumbac, set de 6",
                            "Хлопковые салфетки, набор из 6 шт.",
                            "دستمال سفره‌ی پنبه‌ای، ست ۶ عددی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A cushion cover woven with a kilim motif, with a hidden zip. The cushion "
                    "insert is not included.",
                    "Kilim motifli dokuma kırlent kılıfı, gizli fermuarlı. İç yastık dahil "
                    "değildir.",
                    "Față de pernă țesută cu motiv de chilim, cu fermoar ascuns. Perna "
                    "interioară nu este inclusă.",
                    "Тканый чехол для подушки с узором килима, на потайной молнии. Подушка в "
                    "комплект не входит.",
                    "روکش کوسن بافته‌شده با نقش گلیم و زیپ مخفی. بالش داخلی همراه آن نیست.",
                ),
                [
                    (
                        "290.00",
                        (
                            "Kilim cushion cover 45×45 cm, burgundy",
                            "Kilim desenli kırlent kılıfı 45×45 cm, bordo",
                            "Față de pernă cu motiv de chilim 45×45 cm, bordo",
                            "Чехол для подушки с узором килима 45×45 см, бордовый",
                            "روکش کوسن گلیمی ۴۵×۴۵ سانتی‌متر، زرشکی",
                        ),
                    ),
                    (
                        "290.00",
                        (
                            "Kilim cushion cover 45×45 cm, indigo",
                            "Kilim desenli kırlent kılıfı 45×45 cm, çivit mavisi",
                            "Față de pernă cu motiv de chilim 45×45 cm, indigo",
                            "Чехол для подушки с узором килима 45×45 см, цвет индиго",
                            "روکش کوسن گلیمی ۴۵×۴۵ سانتی‌متر، نیلی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A jacquard-woven cotton bedspread with two matching pillow shams.",
                    "İki adet uyumlu yastık kılıfıyla jakarlı pamuk yatak örtüsü.",
                    "Cuvertură din bumbac țesut jacquard, cu două fețe de pernă asortate.",
                    "Хлопковое жаккардовое покрывало с двумя наволочками в тон.",
                    "روتختی پنبه‌ای ژاکارد با دو روبالشی هماهنگ.",
                ),
                [
                    (
                        "2200.00",
                        (
                            "Jacquard bedspread, double, 240×260 cm, cream",
                            "Jakarlı yatak örtüsü, çift kişilik, 240×260 cm, krem",
                            "Cuvertură jacquard, dublă, 240×260 cm, crem",
                            "Жаккардовое покрывало, двуспальное, 240×260 см, кремовое",
                            "روتختی ژاکارد، دونفره، ۲۴۰×۲۶۰ سانتی‌متر، کرم",
                        ),
                    ),
                ],
            ),
            (
                PACK,
                (
                    "Three absorbent, lint-free cotton tea towels for glasses and dishes.",
                    "Bardak ve tabaklar için suyu iyi emen, tüy bırakmayan üç pamuklu kurulama "
                    "bezi.",
                    "Trei prosoape de bucătărie din bumbac, absorbante și fără scame, pentru "
                    "pahare și vase.",
                    "Три впитывающих, не оставляющих ворса хлопковых кухонных полотенца для "
                    "бокалов и посуды.",
                    "سه حوله‌ی آشپزخانه‌ی پنبه‌ای، جاذب و بدون پرز، برای لیوان و ظرف.",
                ),
                [
                    (
                        "240.00",
                        (
                            "Tea towels 50×70 cm, set of 3",
                            "Mutfak havlusu 50×70 cm, 3'lü set",
                            "Prosoape de bucătărie 50×70 cm, set de 3",
                            "Кухонные полотенца 50×70 см, набор из 3 шт.",
                            "حوله‌ی آشپزخانه ۵۰×۷۰ سانتی‌متر، ست ۳ عددی",
                        ),
                    ),
                ],
            ),
            (
                METRE,
                (
                    "Traditional Buldan cloth, a fine, gauzy cotton woven in the Aegean. "
                    "100 cm wide, sold by the metre.",
                    "Ege'de dokunan ince, tülümsü pamuklu geleneksel Buldan bezi. 100 cm "
                    "enindedir, metreyle satılır.",
                    "Pânză tradițională de Buldan, un bumbac fin și vaporos țesut în regiunea "
                    "Egeei. Lățime 100 cm, se vinde la metru.",
                    "Традиционная ткань бульдан — тонкий, почти прозрачный хлопок с "
                    "эгейского побережья. Ширина 100 см, продаётся на метры.",
                    "پارچه‌ی سنتی بولدان، پنبه‌ای نازک و لطیف که در منطقه‌ی اژه بافته "
                    "می‌شود. عرض ۱۰۰ سانتی‌متر، فروش متری.",
                ),
                [
                    (
                        "180.00",
                        (
                            "Buldan cloth, 100 cm wide, ecru",
                            "Buldan bezi, 100 cm en, ekru",
                            "Pânză de Buldan, lățime 100 cm, ecru",
                            "Ткань бульдан, ширина 100 см, экрю",
                            "پارچه‌ی بولدان، عرض ۱۰۰ سانتی‌متر، شیری",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A hand-woven cotton table runner with fringed ends.",
                    "Uçları saçaklı, el dokuması pamuklu runner.",
                    "Traversă de masă din bumbac țesut manual, cu franjuri la capete.",
                    "Дорожка на стол из хлопка ручного ткачества, с бахромой по краям.",
                    "رانر رومیزی پنبه‌ای دستباف با ریشه در دو سر.",
                ),
                [
                    (
                        "480.00",
                        (
                            "Table runner 40×180 cm, grey stripes",
                            "Runner 40×180 cm, gri çizgili",
                            "Traversă de masă 40×180 cm, dungi gri",
                            "Дорожка на стол 40×180 см, серая полоска",
                            "رانر رومیزی ۴۰×۱۸۰ سانتی‌متر، راه‌راه طوسی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A breathable four-layer muslin blanket for babies, soft from the very "
                    "first wash.",
                    "Bebekler için nefes alan dört kat müslin battaniye; ilk yıkamadan "
                    "itibaren yumuşacık.",
                    "Păturică respirabilă din muselină în patru straturi, pentru bebeluși, "
                    "moale încă de la prima spălare.",
                    "Дышащее четырёхслойное муслиновое одеяло для малышей, мягкое с первой стирки.",
                    "پتوی موسلین چهارلایه و قابل تنفس برای نوزادان، از همان شست‌وشوی اول نرم.",
                ),
                [
                    (
                        "720.00",
                        (
                            "Muslin baby blanket 100×120 cm, white",
                            "Müslin bebek battaniyesi 100×120 cm, beyaz",
                            "Păturică din muselină pentru bebeluși 100×120 cm, albă",
                            "Муслиновое детское одеяло 100×120 см, белое",
                            "پتوی موسلین نوزاد ۱۰۰×۱۲۰ سانتی‌متر، سفید",
                        ),
                    ),
                ],
            ),
        ],
    ),
    (
        "GFT",
        ("Gift sets", "Hediye setleri", "Seturi cadou", "Подарочные наборы", "ست‌های هدیه"),
        [
            (
                BOX,
                (
                    "Six lace-trimmed towels in a gift box: two bath towels, two hand towels "
                    "and two guest towels.",
                    "Hediye kutusunda altı parça dantelli havlu: iki banyo, iki el ve iki "
                    "misafir havlusu.",
                    "Șase prosoape cu dantelă, în cutie cadou: două de baie, două de mâini și "
                    "două pentru oaspeți.",
                    "Шесть полотенец с кружевной отделкой в подарочной коробке: два банных, "
                    "два для рук и два гостевых.",
                    "شش حوله با حاشیه‌ی توری در جعبه‌ی هدیه: دو حوله‌ی حمام، دو حوله‌ی دست و "
                    "دو حوله‌ی مهمان.",
                ),
                [
                    (
                        "2950.00",
                        (
                            "Dowry towel set, 6 pieces, white",
                            "Çeyiz havlu seti, 6 parça, beyaz",
                            "Set de prosoape pentru zestre, 6 piese, alb",
                            "Набор полотенец в приданое, 6 предметов, белый",
                            "ست حوله‌ی جهیزیه، ۶ تکه، سفید",
                        ),
                    ),
                    (
                        "2950.00",
                        (
                            "Dowry towel set, 6 pieces, cream",
                            "Çeyiz havlu seti, 6 parça, krem",
                            "Set de prosoape pentru zestre, 6 piese, crem",
                            "Набор полотенец в приданое, 6 предметов, кремовый",
                            "ست حوله‌ی جهیزیه، ۶ تکه، کرم",
                        ),
                    ),
                ],
            ),
            (
                BOX,
                (
                    "Everything for the hammam in one box: a classic peshtemal, a silk kese "
                    "scrubbing mitt and an olive-oil soap.",
                    "Hamam için her şey tek kutuda: klasik peştemal, ipek kese ve zeytinyağlı "
                    "sabun.",
                    "Tot ce trebuie pentru hammam într-o singură cutie: un peștemal clasic, o "
                    "mănușă kese din mătase și un săpun cu ulei de măsline.",
                    "Всё для хаммама в одной коробке: классический пештемаль, шёлковая "
                    "рукавица-кесе и мыло на оливковом масле.",
                    "همه‌چیز برای حمام در یک جعبه: یک لنگ کلاسیک، یک کیسه‌ی حمام ابریشمی و یک "
                    "صابون روغن زیتون.",
                ),
                [
                    (
                        "1150.00",
                        (
                            "Hammam gift set",
                            "Hamam hediye seti",
                            "Set cadou pentru hammam",
                            "Подарочный набор для хаммама",
                            "ست هدیه‌ی حمام",
                        ),
                    ),
                ],
            ),
            (
                BOX,
                (
                    "Two terry bathrobes in sizes S/M and L/XL, in a gift box. A popular "
                    "wedding present.",
                    "S/M ve L/XL beden iki havlu bornoz, hediye kutusunda. Düğün hediyesi "
                    "olarak çok tercih edilir.",
                    "Două halate din frotir, mărimile S/M și L/XL, în cutie cadou. Un cadou de "
                    "nuntă foarte apreciat.",
                    "Два махровых халата размеров S/M и L/XL в подарочной коробке. "
                    "Популярный свадебный подарок.",
                    "دو حوله‌ی تن‌پوش در سایزهای S/M و L/XL در جعبه‌ی هدیه؛ هدیه‌ای محبوب برای عروسی.",
                ),
                [
                    (
                        "3900.00",
                        (
                            "Bathrobe set for couples, white",
                            "Çift bornoz seti, beyaz",
                            "Set de halate pentru cuplu, alb",
                            "Парный набор халатов, белый",
                            "ست تن‌پوش زوج، سفید",
                        ),
                    ),
                ],
            ),
            (
                BOX,
                (
                    "Three guest towels with hand-embroidered tulips, in a gift box.",
                    "Hediye kutusunda, elde lale nakışlı üç misafir havlusu.",
                    "Trei prosoape pentru oaspeți, brodate manual cu lalele, în cutie cadou.",
                    "Три гостевых полотенца с вышитыми вручную тюльпанами в подарочной коробке.",
                    "سه حوله‌ی مهمان با گلدوزی دستی لاله، در جعبه‌ی هدیه.",
                ),
                [
                    (
                        "690.00",
                        (
                            "Guest towel gift box with tulip embroidery, 3 pieces",
                            "Lale nakışlı misafir havlusu, 3'lü hediye kutusu",
                            "Cutie cadou cu 3 prosoape pentru oaspeți, broderie cu lalele",
                            "Подарочный набор гостевых полотенец с тюльпанами, 3 шт.",
                            "جعبه‌ی هدیه‌ی حوله‌ی مهمان با گلدوزی لاله، ۳ عددی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A hooded baby towel and a muslin blanket, wrapped together in a cotton "
                    "gift bag.",
                    "Kapüşonlu bebek havlusu ve müslin battaniye, pamuklu bir hediye kesesinde.",
                    "Un prosop cu glugă pentru bebeluși și o păturică din muselină, împachetate "
                    "într-un săculeț cadou din bumbac.",
                    "Детское полотенце с капюшоном и муслиновое одеяло в хлопковом "
                    "подарочном мешочке.",
                    "یک حوله‌ی کلاه‌دار نوزاد و یک پتوی موسلین، با هم در یک کیسه‌ی هدیه‌ی پنبه‌ای.",
                ),
                [
                    (
                        "1350.00",
                        (
                            "Baby gift set",
                            "Bebek hediye seti",
                            "Set cadou pentru bebeluși",
                            "Подарочный набор для малыша",
                            "ست هدیه‌ی نوزاد",
                        ),
                    ),
                ],
            ),
        ],
    ),
]

# Brutăria Bucur, Bucharest: bread, cozonac and pastries for shops and cafés.
BAKERY_CATEGORIES = [
    (
        "BRD",
        ("Bread", "Ekmek", "Pâine", "Хлеб", "نان"),
        [
            (
                PIECE,
                (
                    "Our everyday white bread, baked overnight and delivered warm before 7 a.m.",
                    "Her günkü beyaz ekmeğimiz; gece pişirilir, sabah 7'den önce sıcak sıcak "
                    "teslim edilir.",
                    "Pâinea noastră albă de zi cu zi, coaptă peste noapte și livrată caldă "
                    "înainte de ora 7.",
                    "Наш повседневный белый хлеб: выпекается ночью и доставляется тёплым до "
                    "7 утра.",
                    "نان سفید روزانه‌ی ما که شب پخته می‌شود و پیش از ساعت ۷ صبح گرم تحویل "
                    "داده می‌شود.",
                ),
                [
                    (
                        "4.20",
                        (
                            "White bread 500 g",
                            "Beyaz ekmek 500 g",
                            "Pâine albă 500 g",
                            "Белый хлеб 500 г",
                            "نان سفید ۵۰۰ گرمی",
                        ),
                    ),
                    (
                        "4.80",
                        (
                            "Sliced white bread 500 g",
                            "Dilimlenmiş beyaz ekmek 500 g",
                            "Pâine albă feliată 500 g",
                            "Белый хлеб в нарезке, 500 г",
                            "نان سفید برش‌خورده ۵۰۰ گرمی",
                        ),
                    ),
                    (
                        "3.60",
                        (
                            "Long white loaf (franzelă) 400 g",
                            "Uzun beyaz ekmek (franzelă) 400 g",
                            "Franzelă 400 g",
                            "Батон белый 400 г",
                            "نان سفید کشیده ۴۰۰ گرمی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Slowly fermented for 24 hours with our own sourdough starter, with a "
                    "thick crust and an open crumb.",
                    "Kendi ekşi mayamızla 24 saat boyunca yavaş yavaş mayalanır; kabuğu kalın, "
                    "içi bol gözeneklidir.",
                    "Fermentată lent timp de 24 de ore cu maia noastră, cu coajă groasă și "
                    "miez aerat.",
                    "Медленная 24-часовая ферментация на нашей собственной закваске: толстая "
                    "корочка и пористый мякиш.",
                    "با خمیرترش خودمان ۲۴ ساعت به‌آرامی تخمیر می‌شود؛ پوسته‌ای ضخیم و مغزی "
                    "پرحفره دارد.",
                ),
                [
                    (
                        "13.50",
                        (
                            "Wheat sourdough bread 800 g",
                            "Ekşi mayalı buğday ekmeği 800 g",
                            "Pâine cu maia, de grâu, 800 g",
                            "Пшеничный хлеб на закваске, 800 г",
                            "نان خمیرترش گندم ۸۰۰ گرمی",
                        ),
                    ),
                    (
                        "14.50",
                        (
                            "Rye sourdough bread 800 g",
                            "Ekşi mayalı çavdar ekmeği 800 g",
                            "Pâine cu maia, de secară, 800 g",
                            "Ржаной хлеб на закваске, 800 г",
                            "نان خمیرترش چاودار ۸۰۰ گرمی",
                        ),
                    ),
                    (
                        "17.90",
                        (
                            "Sourdough bread with walnuts 800 g",
                            "Cevizli ekşi mayalı ekmek 800 g",
                            "Pâine cu maia și nucă, 800 g",
                            "Хлеб на закваске с грецким орехом, 800 г",
                            "نان خمیرترش با گردو ۸۰۰ گرمی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Made with stone-ground wholemeal flour and a handful of seeds. Rich in "
                    "fibre, it stays fresh for days.",
                    "Taş değirmende öğütülmüş tam buğday unu ve bir avuç tohumla yapılır. "
                    "Lif açısından zengindir, günlerce taze kalır.",
                    "Făcută cu făină integrală măcinată la piatră și o mână de semințe. "
                    "Bogată în fibre, rămâne proaspătă zile întregi.",
                    "Из цельнозерновой муки каменного помола с горстью семян. Богат "
                    "клетчаткой и несколько дней остаётся свежим.",
                    "با آرد سبوس‌دار آسیاب سنگی و مشتی دانه پخته می‌شود. سرشار از فیبر است "
                    "و چند روز تازه می‌ماند.",
                ),
                [
                    (
                        "8.90",
                        (
                            "Wholemeal bread 600 g",
                            "Tam buğday ekmeği 600 g",
                            "Pâine integrală 600 g",
                            "Цельнозерновой хлеб 600 г",
                            "نان سبوس‌دار ۶۰۰ گرمی",
                        ),
                    ),
                    (
                        "9.50",
                        (
                            "Multigrain bread with seeds 500 g",
                            "Tohumlu çok tahıllı ekmek 500 g",
                            "Pâine multicereale cu semințe 500 g",
                            "Мультизерновой хлеб с семенами, 500 г",
                            "نان چندغله با دانه ۵۰۰ گرمی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Crisp French-style baguettes and rolls, baked fresh every morning for "
                    "cafés and sandwich bars.",
                    "Kafeler ve sandviççiler için her sabah taze pişirilen, çıtır Fransız "
                    "usulü baget ve sandviç ekmekleri.",
                    "Baghete și chifle crocante în stil franțuzesc, coapte proaspăt în fiecare "
                    "dimineață pentru cafenele și sandvișerii.",
                    "Хрустящие багеты и булочки во французском стиле, каждое утро свежие — "
                    "для кафе и сэндвич-баров.",
                    "باگت و نان ساندویچی ترد به سبک فرانسوی، هر صبح تازه پخته‌شده برای "
                    "کافه‌ها و ساندویچی‌ها.",
                ),
                [
                    (
                        "3.90",
                        (
                            "Baguette 250 g",
                            "Baget 250 g",
                            "Baghetă 250 g",
                            "Багет 250 г",
                            "باگت ۲۵۰ گرمی",
                        ),
                    ),
                    (
                        "17.50",
                        (
                            "Baguettes, pack of 5",
                            "Baget, 5'li paket",
                            "Baghete, pachet de 5",
                            "Багеты, упаковка 5 шт.",
                            "باگت، بسته‌ی ۵ عددی",
                        ),
                        PACK,
                    ),
                    (
                        "12.00",
                        (
                            "Sesame burger buns, pack of 6",
                            "Susamlı hamburger ekmeği, 6'lı paket",
                            "Chifle de burger cu susan, pachet de 6",
                            "Булочки для бургеров с кунжутом, упаковка 6 шт.",
                            "نان همبرگر کنجدی، بسته‌ی ۶ عددی",
                        ),
                        PACK,
                    ),
                    (
                        "14.40",
                        (
                            "Milk rolls",
                            "Sütlü sandviç ekmeği",
                            "Chifle cu lapte",
                            "Молочные булочки",
                            "نان شیری",
                        ),
                        DOZEN,
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A traditional Romanian loaf with boiled potatoes in the dough, so it "
                    "stays soft for longer.",
                    "Hamuruna haşlanmış patates katılan geleneksel Romen ekmeği; bu sayede "
                    "daha uzun süre yumuşak kalır.",
                    "Pâine tradițională românească, cu cartofi fierți în aluat, așa că rămâne "
                    "pufoasă mai mult timp.",
                    "Традиционный румынский хлеб с варёным картофелем в тесте, поэтому он "
                    "дольше остаётся мягким.",
                    "نان سنتی رومانیایی که در خمیرش سیب‌زمینی آب‌پز دارد و به همین دلیل "
                    "مدت بیشتری نرم می‌ماند.",
                ),
                [
                    (
                        "6.90",
                        (
                            "Potato bread 500 g",
                            "Patatesli ekmek 500 g",
                            "Pâine cu cartofi 500 g",
                            "Картофельный хлеб 500 г",
                            "نان سیب‌زمینی ۵۰۰ گرمی",
                        ),
                    ),
                    (
                        "12.50",
                        (
                            "Round potato loaf 1 kg",
                            "Yuvarlak patatesli ekmek 1 kg",
                            "Pâine rotundă cu cartofi 1 kg",
                            "Круглый картофельный хлеб 1 кг",
                            "نان گرد سیب‌زمینی ۱ کیلویی",
                        ),
                    ),
                ],
            ),
        ],
    ),
    (
        "COZ",
        (
            "Cozonac and festive breads",
            "Kozonak ve bayram çörekleri",
            "Cozonac și pâini festive",
            "Козонак и праздничная выпечка",
            "کوزوناک و نان‌های جشن",
        ),
        [
            (
                PIECE,
                (
                    "Traditional Romanian sweet bread, braided by hand and baked with butter, "
                    "eggs and a generous filling.",
                    "Tereyağı ve yumurtayla yapılan, elde örülmüş, bol dolgulu geleneksel "
                    "Romen çöreği.",
                    "Cozonac tradițional, împletit manual și copt cu unt, ouă și umplutură "
                    "din belșug.",
                    "Традиционный румынский сладкий хлеб, заплетённый вручную, на сливочном "
                    "масле и яйцах, с щедрой начинкой.",
                    "نان شیرین سنتی رومانیایی که با دست بافته و با کره، تخم‌مرغ و مغزی "
                    "فراوان پخته می‌شود.",
                ),
                [
                    (
                        "52.00",
                        (
                            "Cozonac with walnuts and cocoa 1 kg",
                            "Cevizli ve kakaolu kozonak 1 kg",
                            "Cozonac cu nucă și cacao 1 kg",
                            "Козонак с грецким орехом и какао, 1 кг",
                            "کوزوناک با گردو و کاکائو ۱ کیلویی",
                        ),
                    ),
                    (
                        "48.00",
                        (
                            "Cozonac with Turkish delight and raisins 1 kg",
                            "Lokumlu ve kuru üzümlü kozonak 1 kg",
                            "Cozonac cu rahat și stafide 1 kg",
                            "Козонак с рахат-лукумом и изюмом, 1 кг",
                            "کوزوناک با راحت‌الحلقوم و کشمش ۱ کیلویی",
                        ),
                    ),
                    (
                        "50.00",
                        (
                            "Cozonac with poppy seeds 1 kg",
                            "Haşhaşlı kozonak 1 kg",
                            "Cozonac cu mac 1 kg",
                            "Козонак с маком, 1 кг",
                            "کوزوناک با دانه‌ی خشخاش ۱ کیلویی",
                        ),
                    ),
                    (
                        "27.00",
                        (
                            "Cozonac with walnuts 500 g",
                            "Cevizli kozonak 500 g",
                            "Cozonac cu nucă 500 g",
                            "Козонак с грецким орехом, 500 г",
                            "کوزوناک گردویی ۵۰۰ گرمی",
                        ),
                    ),
                    (
                        "49.00",
                        (
                            "Cozonac with sweet cheese 1 kg",
                            "Tatlı lor peynirli kozonak 1 kg",
                            "Cozonac cu brânză dulce 1 kg",
                            "Козонак со сладким творогом, 1 кг",
                            "کوزوناک با پنیر شیرین ۱ کیلویی",
                        ),
                    ),
                    (
                        "54.00",
                        (
                            "Chocolate cozonac 1 kg",
                            "Çikolatalı kozonak 1 kg",
                            "Cozonac cu ciocolată 1 kg",
                            "Козонак с шоколадом, 1 кг",
                            "کوزوناک شکلاتی ۱ کیلویی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Easter cake with a sweet cheese and raisin filling inside a braided rim. "
                    "Baked only in the weeks before Easter.",
                    "Örgülü kenarının içi tatlı lor peyniri ve kuru üzümle doldurulan Paskalya "
                    "çöreği. Yalnızca Paskalya'dan önceki haftalarda pişirilir.",
                    "Pască cu umplutură de brânză dulce și stafide, într-o margine împletită. "
                    "Se coace doar în săptămânile dinaintea Paștelui.",
                    "Пасхальный пирог с начинкой из сладкого творога и изюма в плетёном "
                    "бортике. Печём только в недели перед Пасхой.",
                    "کیک عید پاک با مغزی پنیر شیرین و کشمش درون لبه‌ای بافته‌شده. فقط در "
                    "هفته‌های پیش از عید پاک پخته می‌شود.",
                ),
                [
                    (
                        "46.00",
                        (
                            "Pască, Easter cheese cake, 1 kg",
                            "Pască, Paskalya çöreği, 1 kg",
                            "Pască cu brânză dulce 1 kg",
                            "Паска с творогом, 1 кг",
                            "پاسکا، کیک پنیری عید پاک، ۱ کیلویی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Braided ring bread for weddings, christenings and memorial services, "
                    "made to order.",
                    "Düğün, vaftiz ve anma törenleri için siparişle yapılan örgülü halka ekmek.",
                    "Colac împletit pentru nunți, botezuri și parastase, la comandă.",
                    "Плетёный калач для свадеб, крестин и поминок, на заказ.",
                    "نان حلقه‌ای بافته‌شده برای عروسی، غسل تعمید و مراسم یادبود، به سفارش.",
                ),
                [
                    (
                        "22.00",
                        (
                            "Braided colac 800 g",
                            "Örgülü kolak 800 g",
                            "Colac împletit 800 g",
                            "Плетёный калач, 800 г",
                            "کولاک بافته ۸۰۰ گرمی",
                        ),
                    ),
                    (
                        "95.00",
                        (
                            "Large wedding colac 2 kg",
                            "Büyük düğün kolağı 2 kg",
                            "Colac mare de nuntă 2 kg",
                            "Большой свадебный калач, 2 кг",
                            "کولاک بزرگ عروسی ۲ کیلویی",
                        ),
                    ),
                ],
            ),
            (
                DOZEN,
                (
                    "Figure-of-eight pastries from Moldavia, glazed with honey and sprinkled "
                    "with walnuts, for the feast of the Forty Martyrs on 9 March.",
                    "9 Mart'taki Kırk Şehitler yortusu için bal ile parlatılıp cevizle "
                    "süslenen, sekiz biçiminde Moldova çörekleri.",
                    "Mucenici moldovenești în formă de opt, glazurați cu miere și presărați "
                    "cu nucă, pentru sărbătoarea Sfinților 40 de Mucenici, pe 9 martie.",
                    "Молдавские «мученики» в форме восьмёрки, в мёду и с грецким орехом — к "
                    "празднику Сорока мучеников 9 марта.",
                    "شیرینی‌های هشت‌شکل مولداویایی با لعاب عسل و گردو، برای جشن چهل شهید در ۹ مارس.",
                ),
                [
                    (
                        "30.00",
                        (
                            "Moldavian mucenici",
                            "Moldova usulü mucenici",
                            "Mucenici moldovenești",
                            "Молдавские мученики",
                            "موچنیچ مولداویایی",
                        ),
                    ),
                ],
            ),
        ],
    ),
    (
        "SWT",
        (
            "Sweet pastries",
            "Tatlı hamur işleri",
            "Patiserie dulce",
            "Сладкая выпечка",
            "شیرینی‌ها",
        ),
        [
            (
                PIECE,
                (
                    "All-butter croissants, laminated by hand and baked fresh every morning.",
                    "Tamamı tereyağlı, elde katlanan ve her sabah taze pişirilen kruvasanlar.",
                    "Croissante cu unt, laminate manual și coapte proaspăt în fiecare dimineață.",
                    "Круассаны на сливочном масле, слоёные вручную, каждое утро свежие.",
                    "کروسان‌های تمام‌کره که با دست لایه‌لایه و هر صبح تازه پخته می‌شوند.",
                ),
                [
                    (
                        "4.50",
                        (
                            "Butter croissant",
                            "Tereyağlı kruvasan",
                            "Croissant cu unt",
                            "Круассан сливочный",
                            "کروسان کره‌ای",
                        ),
                    ),
                    (
                        "5.20",
                        (
                            "Chocolate croissant",
                            "Çikolatalı kruvasan",
                            "Croissant cu ciocolată",
                            "Круассан с шоколадом",
                            "کروسان شکلاتی",
                        ),
                    ),
                    (
                        "6.50",
                        (
                            "Almond croissant",
                            "Bademli kruvasan",
                            "Croissant cu migdale",
                            "Круассан с миндалём",
                            "کروسان بادامی",
                        ),
                    ),
                    (
                        "30.00",
                        (
                            "Mini butter croissants",
                            "Mini tereyağlı kruvasan",
                            "Mini croissante cu unt",
                            "Мини-круассаны сливочные",
                            "مینی‌کروسان کره‌ای",
                        ),
                        DOZEN,
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "A Romanian classic of soft, fluffy yeast dough with a generous sweet filling.",
                    "Yumuşacık mayalı hamurdan, bol tatlı dolgulu klasik bir Romen lezzeti.",
                    "Un clasic românesc din aluat dospit, moale și pufos, cu umplutură dulce "
                    "din belșug.",
                    "Румынская классика из мягкого пышного дрожжевого теста со щедрой "
                    "сладкой начинкой.",
                    "یک شیرینی کلاسیک رومانیایی از خمیر مایه‌دار نرم و پفکی با مغزی شیرین فراوان.",
                ),
                [
                    (
                        "5.50",
                        (
                            "Poale-n brâu with sweet cheese",
                            "Tatlı lor peynirli poale-n brâu",
                            "Poale-n brâu cu brânză dulce",
                            "«Поале-н брыу» со сладким творогом",
                            "پوآله‌ن بروی با پنیر شیرین",
                        ),
                    ),
                    (
                        "5.00",
                        (
                            "Sweet cheese and raisin pastry",
                            "Tatlı lor peynirli ve kuru üzümlü çörek",
                            "Pateu cu brânză dulce și stafide",
                            "Ватрушка со сладким творогом и изюмом",
                            "شیرینی پنیر شیرین و کشمش",
                        ),
                    ),
                    (
                        "3.20",
                        (
                            "Crescent roll with plum jam",
                            "Erik marmelatlı ay çöreği",
                            "Cornuleț cu magiun de prune",
                            "Рогалик со сливовым повидлом",
                            "شیرینی هلالی با مربای آلو",
                        ),
                    ),
                    (
                        "4.00",
                        (
                            "Cocoa swirl",
                            "Kakaolu rulo çörek",
                            "Melc cu cacao",
                            "Улитка с какао",
                            "رول کاکائویی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Light, flaky pastries made with butter puff pastry and fruit.",
                    "Tereyağlı milföy hamuru ve meyveyle yapılan hafif, kat kat hamur işleri.",
                    "Foietaje ușoare și fragede, din aluat foietaj cu unt și fructe.",
                    "Лёгкая хрустящая выпечка из слоёного теста на сливочном масле с фруктами.",
                    "شیرینی‌های سبک و پوسته‌پوسته از خمیر هزارلای کره‌ای و میوه.",
                ),
                [
                    (
                        "6.00",
                        (
                            "Apple strudel, slice",
                            "Elmalı strudel, dilim",
                            "Ștrudel cu mere, felie",
                            "Яблочный штрудель, порция",
                            "اشترودل سیب، یک برش",
                        ),
                    ),
                    (
                        "5.50",
                        (
                            "Sour cherry puff pastry",
                            "Vişneli milföy",
                            "Foietaj cu vișine",
                            "Слойка с вишней",
                            "شیرینی هزارلای آلبالو",
                        ),
                    ),
                    (
                        "5.50",
                        (
                            "Apricot puff pastry",
                            "Kayısılı milföy",
                            "Foietaj cu caise",
                            "Слойка с абрикосом",
                            "شیرینی هزارلای زردآلو",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Fluffy Romanian doughnuts, freshly fried and dusted with sugar or filled "
                    "with jam.",
                    "Taze kızartılmış, pudra şekerli ya da reçel dolgulu kabarık Romen pişileri.",
                    "Gogoși pufoase, prăjite proaspăt, pudrate cu zahăr sau umplute cu gem.",
                    "Пышные румынские пончики, только что из фритюра, в сахарной пудре или с "
                    "джемом.",
                    "دونات‌های پفکی رومانیایی، تازه سرخ‌شده، با پودر قند یا مغز مربا.",
                ),
                [
                    (
                        "3.00",
                        (
                            "Sugar-dusted doughnut",
                            "Pudra şekerli pişi",
                            "Gogoașă cu zahăr pudră",
                            "Пончик в сахарной пудре",
                            "دونات پودرقندی",
                        ),
                    ),
                    (
                        "42.00",
                        (
                            "Jam doughnuts",
                            "Reçelli pişi",
                            "Gogoși cu gem",
                            "Пончики с джемом",
                            "دونات مربایی",
                        ),
                        DOZEN,
                    ),
                ],
            ),
        ],
    ),
    (
        "SAV",
        (
            "Savoury pastries",
            "Tuzlu hamur işleri",
            "Patiserie sărată",
            "Солёная выпечка",
            "شیرینی‌های شور",
        ),
        [
            (
                DOZEN,
                (
                    "Romanian pretzel rings, boiled before baking and topped with coarse salt "
                    "or seeds. Best on the day they are baked.",
                    "Fırına girmeden önce haşlanan, iri tuz ya da tohumla kaplanan Romen "
                    "usulü simitler. En lezzetlisi piştiği gün yenir.",
                    "Covrigi opăriți înainte de coacere și presărați cu sare grunjoasă sau "
                    "semințe. Cei mai buni în ziua în care sunt copți.",
                    "Румынские бублики-ковриги: перед выпечкой их ошпаривают и посыпают "
                    "крупной солью или семенами. Вкуснее всего в день выпечки.",
                    "حلقه‌های نان به سبک رومانیایی که پیش از پخت آب‌پز و با نمک درشت یا "
                    "دانه پوشانده می‌شوند. در همان روز پخت از همه خوشمزه‌ترند.",
                ),
                [
                    (
                        "15.00",
                        (
                            "Salted covrigi",
                            "Tuzlu covrig",
                            "Covrigi cu sare",
                            "Ковриги с солью",
                            "کووریگ نمکی",
                        ),
                    ),
                    (
                        "16.80",
                        (
                            "Sesame covrigi",
                            "Susamlı covrig",
                            "Covrigi cu susan",
                            "Ковриги с кунжутом",
                            "کووریگ کنجدی",
                        ),
                    ),
                    (
                        "16.80",
                        (
                            "Poppy seed covrigi",
                            "Haşhaşlı covrig",
                            "Covrigi cu mac",
                            "Ковриги с маком",
                            "کووریگ خشخاشی",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Flaky puff-pastry pies baked every morning, a favourite breakfast in "
                    "Romanian shops.",
                    "Her sabah pişirilen kat kat milföy börekleri; Romanya'da dükkânların en "
                    "sevilen kahvaltılığı.",
                    "Pateuri fragede din foietaj, coapte în fiecare dimineață, preferatele "
                    "micului dejun.",
                    "Слоёные пирожки, которые мы печём каждое утро, — любимый завтрак "
                    "покупателей румынских магазинов.",
                    "پیراشکی‌های هزارلای ترد که هر صبح پخته می‌شوند؛ صبحانه‌ی محبوب مشتریان "
                    "مغازه‌ها در رومانی.",
                ),
                [
                    (
                        "5.50",
                        (
                            "Cheese pastry",
                            "Peynirli milföy börek",
                            "Pateu cu brânză",
                            "Слойка с сыром",
                            "پیراشکی پنیری",
                        ),
                    ),
                    (
                        "5.50",
                        (
                            "Mushroom pastry",
                            "Mantarlı milföy börek",
                            "Pateu cu ciuperci",
                            "Слойка с грибами",
                            "پیراشکی قارچ",
                        ),
                    ),
                    (
                        "6.50",
                        (
                            "Ham and cheese pastry",
                            "Jambonlu kaşarlı milföy börek",
                            "Pateu cu șuncă și cașcaval",
                            "Слойка с ветчиной и сыром",
                            "پیراشکی ژامبون و پنیر",
                        ),
                    ),
                    (
                        "6.00",
                        (
                            "Spinach and feta pastry",
                            "Ispanaklı beyaz peynirli milföy börek",
                            "Pateu cu spanac și telemea",
                            "Слойка со шпинатом и брынзой",
                            "پیراشکی اسفناج و پنیر فتا",
                        ),
                    ),
                ],
            ),
            (
                KG,
                (
                    "Crisp salted sticks with cheese and sesame, sold by weight for bars and "
                    "parties.",
                    "Barlar ve davetler için kiloyla satılan peynirli, susamlı çıtır çubuklar.",
                    "Sărățele crocante cu brânză și susan, la kilogram, pentru baruri și "
                    "petreceri.",
                    "Хрустящие солёные палочки с сыром и кунжутом, на развес — для баров и "
                    "праздников.",
                    "چوب‌شورهای ترد با پنیر و کنجد، به‌صورت وزنی برای کافه‌ها و مهمانی‌ها.",
                ),
                [
                    (
                        "48.00",
                        (
                            "Cheese straws (sărățele)",
                            "Peynirli çubuk kraker (sărățele)",
                            "Sărățele cu brânză",
                            "Солёные палочки с сыром",
                            "چوب‌شور پنیری",
                        ),
                    ),
                ],
            ),
            (
                PIECE,
                (
                    "Thin stretched-dough pies from Moldavia, baked on the griddle and "
                    "generously filled.",
                    "İncecik açılmış hamurdan, sacda pişirilen, bol iç harçlı Moldova böreği.",
                    "Plăcinte moldovenești din aluat întins subțire, coapte pe plită și "
                    "umplute din belșug.",
                    "Молдавские плацинды из тонко растянутого теста, испечённые на плите, с "
                    "щедрой начинкой.",
                    "پیراشکی‌های مولداویایی از خمیر نازک کشیده، پخته روی ساج، با مغزی فراوان.",
                ),
                [
                    (
                        "7.50",
                        (
                            "Plăcintă with cheese and dill",
                            "Peynirli dereotlu plăcintă",
                            "Plăcintă cu brânză și mărar",
                            "Плацинда с брынзой и укропом",
                            "پلاچینتا با پنیر و شوید",
                        ),
                    ),
                    (
                        "6.50",
                        (
                            "Plăcintă with potatoes",
                            "Patatesli plăcintă",
                            "Plăcintă cu cartofi",
                            "Плацинда с картофелем",
                            "پلاچینتا با سیب‌زمینی",
                        ),
                    ),
                    (
                        "6.50",
                        (
                            "Plăcintă with cabbage",
                            "Lahanalı plăcintă",
                            "Plăcintă cu varză",
                            "Плацинда с капустой",
                            "پلاچینتا با کلم",
                        ),
                    ),
                ],
            ),
            (
                BOX,
                (
                    "An assortment of bite-sized savoury pastries on a tray, ready for office "
                    "meetings and events.",
                    "Toplantı ve etkinlikler için tepside, lokmalık tuzlu hamur işi çeşitleri.",
                    "Asortiment de patiserie sărată în miniatură, pe platou, gata pentru "
                    "ședințe și evenimente.",
                    "Ассорти солёной мини-выпечки на подносе — готово для офисных встреч и "
                    "мероприятий.",
                    "مجموعه‌ای از شیرینی‌های شور لقمه‌ای در سینی، آماده برای جلسه‌ها و مراسم.",
                ),
                [
                    (
                        "120.00",
                        (
                            "Savoury party tray, 40 pieces",
                            "Tuzlu kokteyl tepsisi, 40 adet",
                            "Platou cu patiserie sărată, 40 de bucăți",
                            "Поднос солёной мини-выпечки, 40 шт.",
                            "سینی شیرینی شور، ۴۰ عددی",
                        ),
                    ),
                ],
            ),
        ],
    ),
    (
        "CAK",
        (
            "Cakes and biscuits",
            "Kek ve kurabiyeler",
            "Checuri și fursecuri",
            "Кексы и печенье",
            "کیک و کلوچه",
        ),
        [
            (
                PIECE,
                (
                    "A moist, home-style Romanian loaf cake that slices neatly for the café "
                    "counter.",
                    "Romen ev usulü, nemli baton kek; kafe vitrini için kolayca dilimlenir.",
                    "Chec pufos, ca la mama acasă, care se feliază ușor pentru vitrina cafenelei.",
                    "Влажный домашний кекс по румынскому рецепту — легко нарезается для "
                    "витрины кафе.",
                    "کیک قالبی نرم به سبک خانگی رومانیایی که برای ویترین کافه به‌راحتی برش می‌خورد.",
                ),
                [
                    (
                        "19.50",
                        (
                            "Marble loaf cake 600 g",
                            "Mermer kek 600 g",
                            "Chec marmorat 600 g",
                            "Мраморный кекс, 600 г",
                            "کیک مرمری ۶۰۰ گرمی",
                        ),
                    ),
                    (
                        "19.50",
                        (
                            "Lemon loaf cake 600 g",
                            "Limonlu kek 600 g",
                            "Chec cu lămâie 600 g",
                            "Лимонный кекс, 600 г",
                            "کیک لیمویی ۶۰۰ گرمی",
                        ),
                    ),
                    (
                        "22.00",
                        (
                            "Walnut and raisin loaf cake 600 g",
                            "Cevizli ve kuru üzümlü kek 600 g",
                            "Chec cu nucă și stafide 600 g",
                            "Кекс с грецким орехом и изюмом, 600 г",
                            "کیک گردویی و کشمشی ۶۰۰ گرمی",
                        ),
                    ),
                ],
            ),
            (
                KG,
                (
                    "Butter biscuits baked in small batches, sold by weight or boxed for "
                    "cafés and shops.",
                    "Küçük partiler halinde pişirilen tereyağlı kurabiyeler; kafeler ve "
                    "dükkânlar için kiloyla ya da kutuda.",
                    "Fursecuri cu unt, coapte în șarje mici, la kilogram sau în cutii pentru "
                    "cafenele și magazine.",
                    "Сливочное печенье, которое мы печём небольшими партиями, — на развес или "
                    "в коробках для кафе и магазинов.",
                    "کلوچه‌های کره‌ای که در دسته‌های کوچک پخته می‌شوند؛ وزنی یا جعبه‌ای برای "
                    "کافه‌ها و مغازه‌ها.",
                ),
                [
                    (
                        "55.00",
                        (
                            "Assorted butter biscuits",
                            "Karışık tereyağlı kurabiye",
                            "Fursecuri asortate cu unt",
                            "Ассорти сливочного печенья",
                            "کلوچه‌ی کره‌ای مخلوط",
                        ),
                    ),
                    (
                        "58.00",
                        (
                            "Walnut crescents (cornulețe)",
                            "Cevizli ay kurabiyesi",
                            "Cornulețe cu nucă",
                            "Рогалики с грецким орехом",
                            "کلوچه‌ی هلالی گردویی",
                        ),
                    ),
                    (
                        "62.00",
                        (
                            "Linzer biscuits with jam",
                            "Reçelli Linzer kurabiyesi",
                            "Fursecuri Linzer cu gem",
                            "Печенье «Линцер» с джемом",
                            "کلوچه‌ی لینزر با مربا",
                        ),
                    ),
                    (
                        "36.00",
                        (
                            "Biscuit gift box 500 g",
                            "Kurabiye hediye kutusu 500 g",
                            "Cutie cadou cu fursecuri 500 g",
                            "Подарочная коробка печенья, 500 г",
                            "جعبه‌ی هدیه‌ی کلوچه ۵۰۰ گرمی",
                        ),
                        BOX,
                    ),
                ],
            ),
            (
                BOX,
                (
                    "Classic Romanian cakes by the tray, cut into portions and ready for the "
                    "display counter.",
                    "Porsiyonlara kesilmiş, vitrine hazır klasik Romen pastaları, tepsiyle.",
                    "Prăjituri clasice românești la tavă, porționate și gata pentru vitrină.",
                    "Классические румынские пирожные целым противнем, нарезанные на порции и "
                    "готовые для витрины.",
                    "کیک‌های کلاسیک رومانیایی در سینی، برش‌خورده و آماده برای ویترین.",
                ),
                [
                    (
                        "110.00",
                        (
                            "Amandine, tray of 20",
                            "Amandine pastası, 20'li tepsi",
                            "Amandine, tavă de 20 de bucăți",
                            "Амандины, противень 20 шт.",
                            "آماندینه، سینی ۲۰ عددی",
                        ),
                    ),
                    (
                        "104.00",
                        (
                            "Savarins, tray of 20",
                            "Savaren, 20'li tepsi",
                            "Savarine, tavă de 20 de bucăți",
                            "Саварены, противень 20 шт.",
                            "ساوارن، سینی ۲۰ عددی",
                        ),
                    ),
                    (
                        "118.00",
                        (
                            "Chocolate éclairs, tray of 24",
                            "Çikolatalı ekler, 24'lü tepsi",
                            "Ecler cu ciocolată, tavă de 24 de bucăți",
                            "Эклеры с шоколадом, противень 24 шт.",
                            "اکلر شکلاتی، سینی ۲۴ عددی",
                        ),
                    ),
                ],
            ),
        ],
    ),
]

MARKETS = {
    "TR": {
        "sku_prefix": "ANK",
        "categories": TEXTILE_CATEGORIES,
        "inactive": {"ANK-TWL-011", "ANK-PST-005"},
        # (SKU, currency, price): round export prices that win over the converted price.
        "prices": [
            ("ANK-PST-001", "EUR", "16.00"),
            ("ANK-BRB-001", "EUR", "55.00"),
            ("ANK-GFT-001", "USD", "95.00"),
        ],
    },
    "RO": {
        "sku_prefix": "BUC",
        "categories": BAKERY_CATEGORIES,
        "inactive": {"BUC-COZ-007", "BUC-COZ-010"},  # seasonal: pască, mucenici
        "prices": [
            ("BUC-COZ-001", "EUR", "12.00"),
            ("BUC-COZ-009", "EUR", "20.00"),
            ("BUC-CAK-004", "EUR", "12.50"),
        ],
    },
}


def translated(field: str, texts: tuple[str, ...]) -> dict[str, str]:
    """{"name_en": ..., "name_tr": ..., ...} from texts in the order of LANGUAGES."""
    return {f"{field}_{lang}": text for lang, text in zip(LANGUAGES, texts, strict=True)}


def rate(base: str, currency: str) -> Decimal | None:
    """Units of `currency` for one unit of `base`, or None if either is not in PER_EURO."""
    if base not in PER_EURO or currency not in PER_EURO:
        return None
    return (PER_EURO[currency] / PER_EURO[base]).quantize(RATE_PLACES)


@transaction.atomic
def seed(tenant, owner, staff) -> None:
    """The tenant's demo catalog; called inside scope(tenant=tenant) by seed_demo."""
    market = MARKETS.get(tenant.default_phone_region, MARKETS["TR"])
    today = timezone.localdate()
    for currency in tenant.currencies:
        value = rate(tenant.base_currency, currency)
        if currency != tenant.base_currency and value is not None:
            ExchangeRate.objects.update_or_create(
                tenant=tenant, currency=currency, defaults={"rate": value, "set_on": today}
            )

    products = {}
    position = 0
    for category_position, (code, names, families) in enumerate(market["categories"]):
        category, _ = Category.objects.update_or_create(
            tenant=tenant,
            name_en=names[0],
            defaults={**translated("name", names), "position": category_position},
        )
        number = 0
        for family_unit, description, variants in families:
            for price, product_names, *unit in variants:
                number += 1
                position += 10
                sku = f"{market['sku_prefix']}-{code}-{number:03d}"
                products[sku], _ = Product.objects.update_or_create(
                    tenant=tenant,
                    sku=sku,
                    defaults={
                        **translated("name", product_names),
                        **translated("description", description),
                        "category": category,
                        "unit": unit[0] if unit else family_unit,
                        "price": Decimal(price),
                        "position": position,
                        "is_active": sku not in market["inactive"],
                    },
                )

    for sku, currency, price in market["prices"]:
        if currency in tenant.all_currencies and currency != tenant.base_currency:
            ProductPrice.objects.update_or_create(
                tenant=tenant,
                product=products[sku],
                currency=currency,
                defaults={"price": Decimal(price)},
            )
