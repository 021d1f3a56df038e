"""Route a question to the shape of answer it wants.

Officials' questions come in a handful of shapes and each wants a different
answer: a number wants a sentence, "Vad gör staden för …" wants several cited
points, "Sammanfatta …" wants a span of the report summarised, "Vad står det på
sidan 12?" wants that page. The cues are general Swedish/English question
vocabulary (what a question word or an imperative asks for), never words of a
particular report or question.
"""

from __future__ import annotations

import re

from assistant.textproc import EN_STOP, STOP, words

SHAPES = ("fact", "brief", "summary", "reason", "change", "outline", "page", "out_of_scope")
OPEN_SHAPES = ("brief", "summary", "reason", "change", "page")


def word_rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\wåäö])(?:" + "|".join(alternatives) + r")(?![\wåäö])", re.IGNORECASE)


# "Vad står det på sidan 12?", "page 12", "s. 12"
PAGE = re.compile(r"(?<![\wåäö])(?:sidan|sida|sid\.?|s\.|page|p\.)\s*(\d{1,3})(?:\s*(?:[-–]|till|to)\s*(\d{1,3}))?"
                  r"(?![\d])", re.IGNORECASE)
PAGE_RANGE = re.compile(r"(?<![\wåäö])(?:sidorna|sidor|pages|s\.|pp\.)\s*(\d{1,3})\s*(?:[-–]|till|to|och|and)\s*"
                        r"(\d{1,3})", re.IGNORECASE)
# what a question about a named page asks: its content ("Vad handlar sidan 30 om?", "What's on page 39?")
PAGE_ASK = word_rx(r"vad står", r"står det", r"vad handlar", r"handlar", r"tas upp", r"tar upp", r"vad finns",
               r"vad (?:redovisas|beskrivs|visas|presenteras)", r"what is (?:reported|shown|presented|described)",
               r"finns på", r"innehåll\w*", r"what does", r"what(?:'s|’s|s| is) on", r"what(?:'s|’s|s| is) in",
               r"content\w*", r"says?", r"about", r"covers?", r"covered", r"vad visar", r"visar den", r"what does it show")
SUMMARY = word_rx(r"sammanfatta\w*", r"summari[sz]e\w*", r"summary", r"summering\w*", r"recap", r"sum(?:s|med|ming)? up",
              r"(?:the )?(?:main |key )?conclusions (?:of|from|in)", r"(?:de )?(?:viktigaste |huvudsakliga )?slutsatserna (?:i|av|från)", r"sammanfattning\w*", r"ge (?:mig )?en (?:kort )?översikt",
              r"översikt (?:över|av)", r"overview of", r"give (?:me )?an overview", r"kortfattat", r"i korthet", r"i korta drag",
              r"the gist", r"in brief", r"tl;?dr", r"vad innehåller", r"vad ligger i",
              # how the finances stand is the finance section's summary: "Hur går det ekonomiskt för KS?", "How are
              # the board's finances?", "en lägesbild av ekonomin" (a status of anything else is a brief)
              r"lägesbild\w* (?:av|över|för|om)(?= (?:den |det )?(?:[\wåäö]+s )?ekonomi)",
              r"hur går det ekonomiskt", r"hur ser (?:den |det )?(?:[\wåäö]+s )?ekonomi(?:n)? ut", r"(?:det )?ekonomiska läget",
              r"hur (?:går|gick) det (?:för|med) (?:den |det )?(?:[\wåäö]+s )?ekonomi(?:n)?(?= *(?:i år|[?.!]|$))",
              r"how (?:is|are) (?:the )?(?:[\w'’]+ ){0,3}econom(?:y|ics) (?:going|doing)",
              r"(?:the )?financial (?:situation|position|state|picture)", r"how (?:are|is) (?:the )?(?:[\w'’]+ ){0,3}finances",
              # what matters most in a part: "Vad är det viktigaste i ekonomiavsnittet …?", "the key points of …"
              r"(?:vad är )?det viktigaste (?:i|ur|från)", r"huvudpunkterna (?:i|ur|från)",
              # the report's highlights, of nothing narrower: "Vilka är de viktigaste resultaten (som jag kan lyfta …)?"
              r"(?:vilka|vad) är (?:de )?(?:viktigaste|främsta|största|mest intressanta) (?:resultaten|nyheterna|"
              r"höjdpunkterna)(?= *(?:i (?:den här |denna )?(?:delårs)?rapporten|som\b|att\b|[?.!]|$))",
              r"what are the (?:main|key|most important|biggest) (?:results|findings|highlights|takeaways)"
              r"(?= *(?:(?:in|of|from) (?:the|this) report|that\b|[?.!]|$))",
              r"(?:the )?(?:key|main) (?:points|messages|takeaways) (?:of|from|in)", r"(?:the )?highlights (?:of|from|in)",
              r"vad handlar (?:den här |denna |hela )?(?:avsnittet|kapitlet|delen|rapporten|rapport)",
              r"what is (?:this|the) (?:whole )?(?:report|section|chapter) about",
              r"what does the (?:section|chapter|part|report) (?:say|contain|cover)", r"what is in the (?:section|chapter)",
              r"vilka (?:områden|delar|huvuddelar|ämnen|avsnitt|rubriker|frågor) (?:tas upp|behandlas|ingår|finns)",
              # the parts a section covers: "Vilka områden omfattar uppföljningen av uppsiktsplikten?", "Which areas
              # does the follow-up of the supervisory duty cover?" (its subsections, as its summary lists them)
              # (of a part of the report: "Vilka områden omfattar hållbarhetskraven?" asks what a sentence lists)
              r"vilka (?:områden|delar|huvuddelar|ämnen|rubriker|frågor) (?:omfattar|täcker|innehåller|tar upp|behandlar) "
              r"(?:den |det )?(?:uppföljning\w*|avsnitt\w*|mål\w*|kapitl\w*|kapitel|delen|rapport\w*|redovisning\w*)",
              r"(?:which|what) (?:areas|parts|topics|subjects|issues|headings) (?:does|do) (?:the |this )?"
              r"(?:follow-up|section|goal|goal area|chapter|part|report|account)\b[^?]{0,120}? "
              r"(?:cover|include|address|contain|deal with)",
              # how the report is built: "Hur är rapporten uppbyggd?", "How is the report structured?"
              r"hur är (?:den här |denna )?(?:delårs)?rapporten (?:uppbyggd|upplagd|strukturerad|disponerad)",
              r"how is (?:the|this) report (?:structured|organi[sz]ed|built up|laid out)",
              # the parts of a follow-up section: "Vilka prioriteringar följs upp (i avsnittet om prioriteringar)?"
              # (also "Vilka prioriterade områden ur nämndsbudgeten 2025 följs upp i rapporten?")
              r"vilka ((?:[a-zåäö]+ )?[a-zåäö]{5,})(?: (?:i|ur|från)(?: [\wåäö]+){1,2}?)? följs upp"
              r"(?= *(?:i (?:avsnittet|kapitlet|delen|rapporten)\b|och\b|[?.!]|$))",
              r"vad tas upp", r"what (?:areas|topics|parts|sections|issues) (?:are|does|do)",
              r"vad (?:säger|skriver) rapporten om", r"vad står det om",
              # (a clause pointing back is no topic: "vad kostar arvodena, står det nåt om det")
              r"(?:finns|står|nämns) det (?:något|nåt|nånting|mycket) om(?! (?:det|dom|dem|den|detta|dessa)\b)",
              # the same asked of the report: "Nämner rapporten något om EU?", "Does the report mention anything about …?"
              r"(?:nämner|tar) rapporten (?:upp )?(?:något|nåt|nånting) om(?! (?:det|dom|dem|den|detta|dessa)\b)",
              r"(?:does|do) (?:the|this) report (?:mention|say|contain|cover) anything (?:about|on|regarding)"
              r"(?! (?:it|that|this|them)\b)",
              # what a part of the outline is about: "Vad handlar målområdet 'En mer jämlik stad' om?"
              r"vad handlar (?:målområdet|kommunfullmäktigemålet|kf-målet|målet)",
              r"vad (?:anges|sägs|nämns|framgår) (?:det )?om",
              r"what does the report (?:write|say) about",
              r"vilka (?:områden|delar|ämnen|frågor) (?:går|gås) (.{0,60})igenom", r"gå igenom (?:avsnittet|kapitlet|delen)",
              r"vilka (?:områden|delar|ämnen|frågor) tar (.{3,60}) upp",
              # "På vilken sida hittar jag resultaträkningen?": the part of the report, cited where it is
              r"(?:på )?vilken sida", r"vilka sidor", r"(?:on )?(?:which|what) pages?")
REASON = word_rx(r"varför", r"why", r"vad beror", r"beror det på", r"vad är orsaken", r"vad är anledningen",
             r"hur kommer det sig", r"vad är skälet", r"what(?:'s| is) behind", r"what lies behind",
             r"av vilken anledning", r"what caused", r"what explains", r"what(?:'s| is) the reason", r"förklara varför",
             r"how come", r"vad förklarar", r"vad ligger bakom", r"hur motiveras",
             # a request to explain a thing named in its definite form: "Explain the surplus", "Förklara överskottet"
             r"explain (?:the|why)", r"förklara(?= (?!vad\b|hur\b|begrepp)\w+(?:et|en|na|erna)\b)",
             r"help (?:me |us )?understand (?:the|why)", r"(?:hjälp|hjälpa) (?:mig|oss) (?:att )?förstå(?= (?:varför|\w+(?:et|en|na|erna))\b)",
             r"what drives", r"what(?:'s| is| are) driving", r"vad driver",  # "What drives the variance on …?"
             # what an assessment rests on: "What is the basis for the assessment …", "Vad grundar sig bedömningen på"
             r"what is the basis (?:for|of)", r"on what (?:basis|grounds)", r"what is (?:the assessment|it) based on",
             r"vad grundar sig", r"vad baseras (?:bedömningen|den|det) på", r"på vilken grund", r"vad bygger bedömningen på",
             # the causes asked for by name: "Vilka är förklaringarna till …", "Sammanfatta orsakerna till …"
             r"(?:vilka (?:är )?|sammanfatta )(?:de )?(?:\w+ )?(?:förklaringar\w*|orsaker\w*|orsakerna|skälen|skäl)",
             r"what are the (?:\w+ )?(?:explanations|reasons|causes)", r"(?:summari[sz]e|list) the (?:\w+ )?(?:explanations|"
             r"reasons|causes)",
             # "Which explanations does the report give for …", "What reasons are given for …"
             r"(?:which|what) (?:\w+ )?(?:explanations?|reasons?|causes?) (?:does|do|did|is|are|was|were)",
             # … or in a noun phrase: "viktigaste förklaringarna till prognostiserat överskott?", "main drivers behind"
             # (when opening the question: "Hur mycket … och vad är orsaken till …?" asks a figure and its cause)
             r"^\s*(?:(?:vad|vilka|vilken|vilket) (?:är|var) )?(?:de |den |det )?(?:\w+ )?(?:huvud)?(?:förklaring(?:en|arna)|"
             r"orsak(?:en|erna)|anledning(?:en|arna)|skälen|skälet) till",  # ("Vad är huvudorsaken till …?")
             # shorthand that opens with the noun: "förklaring avvik personalkostn +7 mkr?", "orsak underskott?"
             r"^\s*(?:förklaring(?:en|ar|arna)?|orsak(?:en|er|erna)?)(?= +(?:till |på |av |för )?[\wåäö])",
             r"^\s*(?:(?:what|which) (?:is|are|was|were) )?(?:the )?(?:\w+ )?(?:explanations?|reasons?|causes?|drivers) "
             r"(?:for|of|behind)")
# "Sammanfatta förklaringarna till …": a summary of causes is a reason answer
REASON_ASKED_BY_NAME = word_rx(r"sammanfatta (?:de )?(?:\w+ )?(?:förklaringarna|orsakerna|skälen)",
                               r"summari[sz]e the (?:\w+ )?(?:explanations|reasons|causes)",
                               r"(?:vilka|what) (?:är|are) (?:de |the )?(?:\w+ )?(?:förklaringar\w*|orsaker\w*|explanations|"
                               r"reasons|causes)")
_LAST_YEAR = r"(?:förra året|i fjol|ifjol|fjolåret|föregående år(?:et)?|last year|the previous year|the year before)"
_UP = r"(?:ökar|ökade|ökat|stiger|steg|stigit|increas\w*|ris\w*|rose|grow\w*|grew|gone up|go up|went up)"
_DOWN = (r"(?:minskar|minskade|minskat|sjunker|sjönk|sjunkit|decreas\w*|fall\w*|fell|shrink\w*|shrank|gone down|"
         r"go down|went down)")
# (the words asking for a change are matched whole: "jämfört med förra året", "ökar eller minskar" are no topic)
CHANGE = word_rx(rf"(?:jämfört med|i jämförelse med|mot|än|sedan|compared (?:to|with)|than|since) {_LAST_YEAR}",
                 rf"{_UP} eller {_DOWN}", rf"{_DOWN} eller {_UP}", rf"{_UP} or {_DOWN}", rf"{_DOWN} or {_UP}",
                 r"jämfört med", r"jämfört", r"i jämförelse med", r"förändr\w*", r"skillnad\w*", r"utveckl\w+ sedan",
                 r"föregående år", r"compared (?:to|with)", r"change[ds]?", r"difference", r"year[- ]on[- ]year",
                 r"ändr\w*", r"vad är nytt", r"vad har hänt med",
                 r"hur har (.{3,50}) (?:utvecklats|ökat|minskat|vuxit|växt|förbättrats|försämrats)",
                 r"what(?:'s| is) new", r"what has changed", r"what has happened to", r"what(?:'s| is) different",
                 r"vad är annorlunda",
                 r"^\s*har (.{3,60}) (?:ökat|minskat|vuxit|växt|förbättrats|försämrats|stigit|sjunkit|skärpts|stärkts)",
                 r"hur har (.{3,50}) (?:skärpts|stärkts|sjunkit|stigit)",
                 r"how (?:has|have) (.{3,50}) (?:developed|grown|increased|decreased|improved|changed)")
# a change that is a thing, not a comparison asked: "What is the City doing to prepare for climate change?"
THING_CALLED_CHANGE = re.compile(r"(?i)(?<![\wåäö])(?:climate|climatic|demographic|social|structural|behaviou?ral)\s+"
                                 r"changes?(?![\wåäö])")
# how a figure is divided: its parts, a fact, however the question opens ("How is the city office's result split …")
SPLIT_ASKED = re.compile(r"(?i)\b(?:how|hur)\b.{0,80}\b(?:split|divided|distributed|broken down|fördela[dsr]?|"
                         r"uppdela[dsr]?)\b")
# a table's figures asked per row: "budget, helårsprognos o avvik. per anslag?" (a fact's rows; not a route's cue)
PER_ROW_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:per|för varje|for each)\s+(?:anslag|post|budgetområde|"
                           r"appropriation|line item|item)(?![\wåäö])")
# the value a change led to: "Hur stort är kommunbidraget efter årets förändringar?", "… anslag för 2025, inklusive
# de förändringar av kommunbidraget som beslutats …?"
AFTER_CHANGES = re.compile(r"(?i)(?<![\wåäö])(?:efter|after|inklusive|inkl\.?|including)\s+(?:\w+\s+){0,2}?(?:förändring\w*|ändring\w*|changes?)"
                           r"(?![\wåäö])")
# a comparison with the budget or the forecast is between two columns of one table row, not over time
AGAINST_BUDGET = re.compile(r"(?i)(?<![\wåäö])(?:compared (?:to|with)|jämfört med|i jämförelse med|against|versus|"
                            r"vs\.?|mot)\s+(?:the\s+)?(?:budget(?:en|et)?|prognos(?:en)?|forecast|budgeted)(?![\wåäö])")
# a study or a test, whose going ("How did the evaluation go?") is what it found, not a brief on the work
STUDY_NOUNS_EN = r"(?:evaluation|survey|review|measurement|test|pilot)s?"
BRIEF = word_rx(r"vad gör", r"vad görs", r"vad har gjorts", r"vad har (?:\w+ ){1,2}gjort", r"hur arbetar", r"hur jobbar",
            r"hur går det", r"hur ser det ut",
            # what has happened in a field: "Vad är det viktigaste som hänt inom näringslivsområdet?"
            r"(?:det )?viktigaste som (?:har )?(?:hänt|skett|gjorts)", r"vad har (?:hänt|skett) (?:inom|med|kring|på|i)",
            r"most important (?:developments|things|events|news)", r"key developments",
            r"what (?:has )?happened (?:in|on|with|around)",
            # news asked of a topic: "Vilka nyheter finns om klimatanpassning och kustskydd?", "What's new on …"
            r"vilka nyheter (?:finns|har)(?: det)?", r"vad (?:är|finns det för) nytt", r"what(?:'s| is) new",
            r"any news", r"vilket arbete", r"vad händer", r"berätta om",
            # "berätta allt om rådhusflytten", "tell me more about the bond": all the report says
            r"berätta (?:allt|mer|lite|något|nåt|mycket)(?: mer)? om", r"tell me (?:everything|more|all|something) about",
            # (a subordinate clause's order: "står det nånting om vad staden gör för oss äldre?")
            r"vad (?:staden|kommunen|malmö|ks|kommunstyrelsen|stadskontoret|man) gör", r"beskriv", r"redogör", r"vad innebär", r"hur hanterar",
            r"vad (?:säger|skriver) rapporten", r"what does the report say",
            r"hur stärker", r"hur främjar", r"hur bidrar", r"hur påverkar", r"hur ska", r"vad planeras",
            r"how (?:is|are|does|do|has|have) (?:[\w'’-]+ ){1,10}(?:affecting|affect|affected|impacting|impacted)",
            # "Hur motverkar staden …", "Hur förbereder sig kommunen …": how an actor acts
            r"hur (\w+(?:ar|er|ir|rar)) (?:sig )?(?:staden|kommunen|malmö|kommunstyrelsen|styrelsen|stadskontoret|"
            r"förvaltningen|förvaltningarna|bolagen|man|ks)",
            r"vilka (?:\w+ (?:och|eller) )?(?:insatser|åtgärder|satsningar)(?: (?:tar|gör|görs|vidtar|vidtas|genomför|genomförs))?",
            r"(?:hur är )?läget (?:för|med|kring|i|när det gäller)",
            # "Vilken status har upphandlingen av …?", "Vad är statusen för …?"
            r"vilken status har", r"vad är status(?:en)? (?:för|på|i|med)", r"hur är status(?:en)? (?:för|på|i|med)", r"hur går (?:\w+(?:en|et|na))\b", r"hur ligger (?:staden|kommunen|vi|man) till",
            r"what(?:'s| is| are) the (?:status|state|situation)(?: and (?:the )?[\w-]+)? (?:of|on|with|for)", r"status (?:of|on)",
            r"what (?:has|have) been done",
            # (not what it pays or gets: "What does Malmö pay each year in membership fee …?" asks an amount)
            r"what does (?:the city|malmö|malmo)(?! (?:pay|spend|get|receive|budget|allocate|invest|charge|owe|earn|cost)\b)",
            r"what(?:'s| is| are) being done",
            # what an actor plans: "What is the city planning to do against organised crime?"
            r"what (?:is|are) (?:[\w'’-]+ ){1,3}(?:planning|going|intending) to do",
            r"vad (?:planerar|tänker) (?:staden|kommunen|malmö|ks|kommunstyrelsen|stadskontoret|man) (?:göra|att göra)",
            r"how (?:is|does|are|do) (?:the city|malmö|malmo|it|they|the board)",
            r"how (?:does|do) (?:the )?(?:[\w-]+ ){0,3}(?:board|city|council|office|municipality|administration|ks|"
            r"kommunstyrelsen|stadskontoret)",
            r"what measures", r"which measures", r"what actions", r"what initiatives", r"what work",
            # examples of the work, not of named things: "Ge exempel på insatser för barns hälsa", "give some
            # examples of what the city does for …"
            r"(?:ge|nämn) (?:\w+ ){0,2}exempel på (?:insatser|åtgärder|satsningar|arbete\w*|initiativ|vad)",
            r"(?:give|name|list) (?:\w+ ){0,2}examples? of (?:what|measures|initiatives|work|actions|efforts|how)",
            r"tell me about", r"describe", r"explain how", r"how is (.{3,60}) going", r"what is happening",
            r"what happens", r"how are (.{3,40}) going",
            # how a thing works, is used, goes on or ends: "Hur används …", "What progress has been made on …"
            r"hur används", r"hur fungerar", r"hur ser (?:planen|planerna|arbetet|läget|situationen|utvecklingen) ut",
            r"hur långt har (?:man|staden|kommunen|\w+) kommit", r"hur följs (.{3,40}) upp", r"(?:vad är|vilka är) nästa steg",
            r"vad har (.{3,40}) lett till", r"vad är planen", r"vilka planer", r"vad ingår i", r"hur har det gått",
            r"vad har (.{3,40}) åstadkommit",
            # the noun of these cues is also what is asked about: the challenges, the risks
            r"vilka (?:är )?(?:de )?(?:största |viktigaste |främsta |stora )?(resultat|utmaningar\w*|risker\w*|problem\w*|slutsatser\w*|"
            r"osäkerhet\w*)", r"how (?:is|are) (.{3,40}) (?:being )?used", r"how does (.{3,40}) work",
            # how far a forecast or an estimate can be trusted: the report's own words on it and their reasons
            r"hur (säker|osäker) (?:är|var|bedöms)",
            r"how (certain|reliable|sure|uncertain|robust|accurate) (?:is|are|was|does|do)",
            r"what progress", r"what(?:'s| is) the plan", r"what are the plans", r"next steps?",
            r"what (?:has|have) (.{3,40}) led to", r"what happened (?:with|to)", r"(?:an )?update on", r"any news",
            # what an actor did or does, in the past too: "What did the city do about …", "What has KS done on …"
            r"what (?:did|has|have) (?:the city|malmö|malmo|the board|the council|the municipality|the office|ks|"
            r"they|it|the administration) (?:do|done)\b", r"what(?:'s| is| has been) happening",
            r"which (?:initiatives|measures|actions|efforts|activities)", r"what efforts",
            r"hur har (.{3,50}) gått", r"hur står det till med", r"hur gick det (?:med|för)",
            rf"how did (?!(?:the\s+)?(?:[\w-]+\s+)?{STUDY_NOUNS_EN}\b)(.{{3,60}}) go\b", r"how (?:has|have) (.{3,60}) gone\b",
            r"where does (.{3,40}) stand", r"how far (?:along|has|have)", r"what did (.{3,40}) achieve",
            r"what (?:has|have) (.{3,40}) achieved",
            r"what are the (?:main |biggest |key |most important |major )?(challenges|risks|problems|conclusions|results|outcomes|"
            r"uncertainties)",
            r"what (results)",
            # where something stands: "Hur ser X ut?", "status på …", "where are we with …", "how's X coming along"
            r"hur ser (?:\w*arbetet|\w*arbetet (.{3,50}?)) ut", r"på vilket sätt", r"status (?:på|för|kring)", r"berätta (?:vad|hur|lite|mer)",
            r"vad som händer", r"where are we (?:with|on)", r"var står (?:vi|staden|kommunen|man|det) (?:med|i|kring)",
            r"(?<!enligt )(?<!enligt den )lägesbild(?:er)?(?![\wåäö])", r"(?:ge|få) (?:mig |oss )?lägesbild\w*", r"nuläge\w*", r"(?:how(?:'s| is)|how are) (.{3,50}) coming along",
            r"what(?:'s| is) going on", r"in what way", r"what (?:[\w-]+ ){1,3}(?:is|are) doing",
            r"what(?: is| are|'s|’s|'re|’re) (?:[\w'’-]+ ){1,5}doing")
# questions about the report's own outline: goals, goal areas, how many, which are (not) met
OUTLINE = word_rx(r"vilka (?:kommunfullmäktige)?mål", r"hur många (?:kommunfullmäktige)?mål\w*", r"vilka målområden",
              r"vilket målområde", r"vilket kommunfullmäktigemål", r"vilka kf-mål", r"hur många kf-mål",
              r"which (?:city )?(?:council )?goals?", r"how many (?:city )?(?:council )?goals?",
              r"which goal areas?", r"what (?:city )?(?:council )?goals?", r"what goal areas?",
              r"list (?:the|all) (?:council )?goals?",
              # (with the report's own word, or the asker's filler: "can you list me the målområden and the goals")
              r"(?:list|name|lista|räkna upp) (?:me |mig )?(?:all |alla )?(?:the |de )?(?:council |kf-)?(?:goals?|"
              r"goal areas?|målområden\w*|målområdena|mål(?:en)?|kommunfullmäktigemål\w*)",
              # an English question with the report's own word: "what are the målområden", "how many KF-mål"
              r"(?:which|what|how many) (?:are |is )?(?:all )?(?:the )?(?:kf-mål\w*|målområden\w*|målområdena|"
              r"kommunfullmäktigemål\w*)",
              r"vilka mål\w* (?:förväntas|bedöms|uppnås|nås)",
              r"(?:hur många|vilka) av målen", r"bedömning\w* av (?:målen|bidragen)",
              r"(?:hur många|vilka) av (?:\w+ )?(?:kommunfullmäktige)?mål(?:en)?",
              r"(?:how many|which|what share) of (?:\w+ )?(?:goals|objectives|targets)",
              r"(?:which|what|how many) (?:council |board )?(?:objectives|targets)",
              r"(?:status|assessment)s? of (?:the |its |all )?(?:goals|objectives|targets)",
              r"assess(?:es|ed)? (?:its |the |all )?(?:goals|objectives|targets)", r"hur bedöms (?:målen|bidragen)",
              r"how many (?:[\w-]+ ){1,2}goals", r"(?:what|which) are the (?:\w+ )?goal areas",
              r"(?:vilka|vad) är (?:de )?(?:\w+ )?målområdena", r"list (?:all )?(?:the )?(?:[\w-]+ ){0,3}goals",
              r"(?:which|what) are the (?:[\w-]+ ){0,3}goals(?! (?:of|for|in)\b)", r"vilka är (?:de )?(?:\w+ )?(?:kommunfullmäktige|kf-)?målen",
              r"lista (?:alla )?(?:de )?(?:\w+ )?(?:kommunfullmäktige|kf-)?mål\w*")
# goals that are not the council's: Agenda 2030's global goals ("How many global goals does the platform follow?")
OTHER_GOALS = re.compile(r"(?i)\b(?:global(?:a)?|sustainable development)\s+(?:mål\w*|goals?)|\bhållbarhetsmål\w*|"
                         r"\bagenda\s+2030\b")
# a follow-up that points back to what was asked before ("Vem ansvarar för det?", "When was it issued?")
REFERS_BACK = re.compile(r"(?i)(?<![\wåäö])(?:dess|denna|detta|dem|där|då|samma|it|its|that|those|they|them|there|"
                         r"same)(?![\wåäö])|(?<![\wåäö])(?:den|det|de)\s*[?.!]*\s*$")  # "den", "det": articles too
NEGATION = re.compile(r"\b(inte|ej|icke|not|never|inga|inget|ingen|none|fail\w*|miss\w*|\w+n't)(?![\wåäö])",
                      re.IGNORECASE)
# "Vad är G-NETS?", "What is the Japan Business and Innovation Hub?": what the report says about a named thing,
# not the first sentence that names it
WHAT_IS_NAME = re.compile(r"^\s*(?i:vad är|vad betyder|what is|what's|what are)\s+(?i:the\s+)?"
                          r"[A-ZÅÄÖ][\w:-]*(?:\s+(?:(?:and|for|of|och|för|i|in)\s+)?[A-ZÅÄÖ][\w:-]*)*"
                          r"(?:\s+(?i:för något|för nåt|för en sak|egentligen|exactly|really))?\s*\?*\s*$")
# an English name with its common noun: "What is the Öresund metro?" (not a figure of it: "the Malmö budget" is a fact)
WHAT_IS_NAMED_THING = re.compile(
    r"^\s*(?i:what is|what's|what are)\s+(?i:the\s+)?[A-ZÅÄÖ][\w:-]*(?:\s+[A-ZÅÄÖ][\w:-]*)*\s+"
    r"(?!(?:budget|result|forecast|cost|costs|surplus|deficit|outcome|total|share|rate|number|amount|figure|"
    r"deviation|grant|price|level|value|status)\b)[a-z]{4,}\s*\?*\s*$")
# how goals are assessed ("Hur bedöms målen i målområdet …?"): their status lines answer it, as "met" is
ASSESSED_WORD = word_rx(r"bedöms", r"bedömning\w*", r"bedömd\w*", r"assess\w*")
# work the assistant does not do: it answers from the report, it does not write, translate or chat
TASK = re.compile(
    r"^\s*(?:kan du |kan ni |skulle du kunna |skulle ni kunna |could you |can you |would you |please |snälla |"
    r"var snäll och |var snälla och )?"
    r"(?:hjälpa mig (?:att )?|hjälp mig (?:att )?|help me )?"
    r"(?:(?:översätt\w*|translate)\b|"  # a translation is a task, of the summary too ("Translate the summary into French")
    # (not a name: "Generate District - is there an application …?")
    r"(?:(?:skriva?|write|formulera|författa|compose|draft|generate|generera|skapa|create|upprätta|utarbeta)"
    r"(?!\s+(?-i:[A-ZÅÄÖ]))|"
    # a draft of a document built from the report: "Kan ni upprätta ett förslag till revisionsskrivelse …"
    r"(?:ta fram|göra|gör|make|prepare) (?:ett |en |a |an )?(?:förslag|utkast|draft|proposal) (?:till|på|of|for)|"
    r"hitta på|make up|rita|draw|koda|code|programmera|räkna ut|calculate|boka|book|skicka|send|mejla|e-?mail|"
    r"(?:göra|gör|make|ta fram|plot|rita upp) (?:ett |en |a |an |\d+ |tre |några |some )?(?:[\wåäö-]+ )?"
    r"[\wåäö]*?(?:diagram|stapeldiagram|"
    r"cirkeldiagram|graf|chart|graph|plot|presentation|powerpoint\w*|bildspel|slides?|infographic|"
    r"pressmeddelande|press release|tweet|tweets|inlägg|post|affisch|poster|schema|timetable|schedule)|"
    r"berätta en|tell me a|ge mig en (?:dikt|vits|låt)|give me a (?:poem|joke|song)|"
    # a quote put in a person's mouth for an article (a quote from the report itself is what it answers with)
    r"(?:ge mig|give me|hitta|find) (?:ett |a |några |some )?(?:citat|quotes?) (?:från|av|med|from|by) "
    r"(?!(?:den |the )?(?:rapport|report|delårsrapport)))\b"
    r"(?!.*\b(?:sammanfattning|summary|översikt|overview)\b))",
    re.IGNORECASE)
# greetings, written once for the small-talk checks and for the greeting left out before a question
GREETING_WORDS = r"hej(?:san)?|hallå|tjena|god (?:morgon|dag)|hi|hello|hey|good (?:morning|afternoon)"
EVENING = r"god kväll|good evening"
CHITCHAT = re.compile(
    rf"^\s*(?:{GREETING_WORDS}|tja|{EVENING}|"
    r"tack|tack så mycket|thanks|thank you|hur mår du|hur är läget(?: med dig)?(?: idag)?|läget|how are you|"
    r"how's it going|"
    r"what's up|vem är du|who are you|vad heter du|"
    r"what(?:'s| is) your name|vad kan du|what can you do|är du (?:en )?(?:robot|människa|ai|chatt?bot|bot|chatgpt|gpt)|"
    r"are you (?:a |an )?(?:robot|human|ai|chatbot|bot|chatgpt|gpt)|ok|okej|okay|bra|good|nice|hejdå|bye|goodbye)\b"
    r"(?:\s+(?:eller vad|eller|eller hur|or what|or not))?[\s!?.,]*"
    r"(?:(?:hur mår du|hur är läget(?: idag)?|how are you(?: today)?|how's it going|vem är du|who are you)"
    r"[\s!?.,]*)?$",
    re.IGNORECASE)


# ("target" is a noun after a determiner, or plural: "which market does the work target" is the verb)
GOAL_WORD = word_rx(r"mål", r"målen", r"målet", r"kommunfullmäktigemål\w*", r"goals?", r"objectives?", r"targets",
                    r"(?:the|its|their|a|an|this|that|these|which|what|any|each|every|our|of)\s+(?:[\w-]+\s+){0,2}target",
                    r"[a-zåäö]{3,}s?mål(?:en|et)?")  # a goal named by a compound: klimatmålen, arbetsgivarmålet
MET_WORD = word_rx(r"uppnås", r"uppnå", r"uppnåt\w*", r"nås", r"nå", r"når", r"nått\w*", r"klaras", r"klara", r"klarar", r"klarat\w*",
                   r"uppfyll\w*", r"met", r"achieved", r"reached", r"achieve", r"meet", r"at risk", r"reach(?:es)?",
                   r"missed", r"failed", r"miss", r"fail",
                   r"on track", r"on course", r"fulfill?\w*", r"attain\w*")
# a goal as the purpose of work: "Vad gör staden för att nå klimatmålen?", "What is done to reach the goal?"
PURPOSE_OF_MEETING = re.compile(r"(?i)(?<![\wåäö])(?:för att|in order to|so as to|to|towards?)\s+(?:\w+\s+)?"
                                r"(?:nå|uppnå|klara|uppfylla|reach|meet|achieve|attain|fulfil+)(?![\wåäö])")

# an opinion or advice asked of the assistant: the report states what the board did, not what to think of it
OPINION = re.compile(
    r"(?i)(?<![\wåäö])(?:tycker du|anser du|din (?:åsikt|uppfattning)|ge mig (?:ett |några )?råd|rekommenderar du|"
    r"råder du|håller du med|do you think|your (?:opinion|view|advice)|in your (?:opinion|view)|would you recommend|"
    r"do you recommend|advise me|give me (?:some )?advice|do you agree)(?![\wåäö])"
    r"|(?:^|[:;,]\s*)(?:ska|bör|borde) (?:jag|vi|vår|vårt|våra|min|mitt|mina)(?![\wåäö])"
    r"|^\s*should (?:i|we|our|my)(?![\w])"
    # a verdict on the report itself: "är rapporten bra", "is this report any good"
    r"|^\s*(?:är|var) (?:rapporten|delårsrapporten|den här rapporten|denna rapport) (?:bra|dålig|rimlig|trovärdig|"
    r"tillförlitlig|välskriven)\b|^\s*is (?:the|this) report (?:good|any good|bad|reliable|trustworthy|well written)\b"
    # a verdict on what was done: "Är det bra att Malmö ger ut sociala obligationer?", "Is it wise to …?"
    r"|^\s*(?:är|var) det (?:\w+ )?(?:bra|dåligt|rätt|fel|klokt|rimligt|smart|vettigt) att\b"
    r"|^\s*(?:is|was) it (?:\w+ )?(?:good|bad|right|wrong|wise|sensible|smart|reasonable) (?:that|to)\b"
    # a prediction: "Will Malmö actually be climate neutral by 2030?", "Kommer metron verkligen att byggas?"
    r"|(?:^|[,;]\s*(?:and |och )?)\s*will\b.*\b(?:actually|really)\b"
    r"|(?:^|[,;]\s*(?:and |och )?)\s*kommer\b.*\b(?:verkligen|faktiskt|på riktigt)\b"
    # ... or what comes after a year: "What will happen to the Malmö Commitment after 2030?"
    r"|\bwhat will happen\b[^?]*\bafter (?:19|20)\d\d\b|\bvad (?:kommer (?:att )?|ska )hända\b[^?]*\befter (?:19|20)\d\d\b"
    # ... or a value in a season to come: "vad blir elpriset i vinter", "how high will prices be this winter"
    r"|^\s*(?:vad|hur (?:mycket|högt|lågt|dyrt|stort|stor)) (?:blir|kommer (?:att )?bli)\b[^?]*(?<![\wåäö])(?:i vinter|"
    r"i vår|i sommar|nästa vinter|nästa sommar|framöver|i framtiden)(?![\wåäö])"
    r"|^\s*(?:what|how (?:much|high|low|expensive|big)) will\b[^?]*\b(?:this winter|next winter|this summer|next summer|"
    r"in the future|going forward)\b"
    # ... or who wins: "Vem kommer vinna valet i Malmö 2026?", "who will win the election"
    r"|^\s*(?:vem|vilka|vilket parti|vilken \w+|vilket \w+) kommer (?:att )?vinna\b"
    r"|^\s*(?:who|which party|which \w+)(?: is)? (?:will|going to) win\b"
    # ... or under a condition: "kommer beredskapen vara tillräcklig 2027 om det blir krig", "will X hold if there is …"
    r"|^\s*(?:kommer|blir|will|would)\b.*\b(?:om det blir|om det skulle|ifall det|if there (?:is|was|were)|"
    r"in case of|in the event of)\b"
    # how one becomes something, in general: "Hur blir man politiker i kommunen?", "How do I become a politician?"
    r"|^\s*hur blir (?:man|jag|en)\b|^\s*how (?:do|can|does) (?:i|you|one|someone) become\b"
    # the asker's own affairs: "what is my salary as a trainee", "när får jag semester", "vad tjänar jag"
    r"|\b(?:what|how much|when|where)\b[^?]{0,30}\bmy\s+(?:salary|pay|wages?|bonus|pension|vacation|holidays?|"
    r"schedule|desk|boss|manager|contract|leave)\b|\bhow much do i (?:earn|make|get paid)\b"
    r"|(?<![\wåäö])(?:vad|hur mycket|när|var)(?![\wåäö])[^?]{0,30}(?<![\wåäö])(?:min|mitt|mina)\s+(?:lön|ersättning|"
    r"pension|semester|schema|chef|anställning|bonus)(?![\wåäö])|(?<![\wåäö])(?:vad|hur mycket) tjänar jag(?![\wåäö])")

# words for the parts of a report ("avsnittet om …", "the goal about …"): where to look, not what about
REPORT_PARTS = word_rx(r"avsnitt\w*", r"kapit\w*", r"del(?:en|ar|arna)?", r"rubrik\w*", r"målområde\w*",
                       r"kommunfullmäktigemål\w*", r"mål(?:et|en)?", r"rapport\w*", r"sid(?:an|or|orna)?",
                       r"sections?", r"chapters?", r"parts?", r"headings?", r"goal areas?", r"goals?", r"reports?",
                       r"pages?")


# a compound whose head is a part of the report: "ekonomiavsnittet" is the section on "ekonomi", "personaldelen"
# the part on "personal" (five letters at least before "delen": "andelen" and "fördelen" are no parts)
PART_COMPOUND = re.compile(r"(?i)(?<![\wåäö-])([a-zåäö]{4,}?)-?(avsnitt(?:et|en)?|kapitl(?:et|en)|kapitel)(?![\wåäö])|"
                           r"(?<![\wåäö-])([a-zåäö]{5,}?)-?(del(?:en|arna))(?![\wåäö])")


def split_part_compound(text: str) -> str:
    """The question with a compound on a report part written apart: "Sammanfatta ekonomiavsnittet" asks for
    the part about "ekonomi", a word the report's titles hold."""
    return PART_COMPOUND.sub(lambda m: f"{m.group(1) or m.group(3)} {m.group(2) or m.group(4)}", text)


def topic_words(text: str) -> str:
    """The question without the words that chose its shape or name a part of the report:
    "Sammanfatta arbetet med äldreomsorgen" is about "arbetet med äldreomsorgen", not about summarising.
    A cue's free gap between its fixed words is a regex group above, and stays: it is the topic."""
    for cue in (SUMMARY, REASON, CHANGE, BRIEF, PURPOSE_OF_MEETING, PAGE_ASK, OUTLINE, REPORT_PARTS):
        # a cue's free gap is the topic ("har (antalet orosanmälningar) ökat"): only the cue's own words go
        text = cue.sub(lambda m: " " + " ".join(g for g in m.groups() if g) + " ", text)
    return text


# who acts, in an open question ("Vad gör staden för att …?"): the report's subject, not a topic
ACTORS = frozenset({"staden", "stad", "kommunen", "malmö", "malmo", "kommunstyrelsen", "styrelsen", "stadskontoret",
                    "city", "council", "municipality", "board", "office", "ks"})


# what a change question asks besides its comparison, no topic: "Vad är nytt eller annorlunda jämfört med ifjol?"
CHANGE_FRAMING = frozenset({"nytt", "nya", "annorlunda", "annat", "new", "different", "changed"})


def lacks_topic(text: str) -> bool:
    """An open question that names no topic at all ("Vad gör staden för att?", "What is the city doing
    about?"): what it is about has to be asked, not guessed."""
    left = [w for w in words(topic_words(text)) if w not in STOP and w not in EN_STOP and w not in CHANGE_FRAMING]
    if any(w not in ACTORS for w in left):
        return False
    # "Vad gör stadskontoret?" asks about the actor; "Vad gör staden för att?" breaks off before the topic
    return not left or DANGLING.search(text) is not None


def names_only_the_subject(text: str) -> bool:
    """A question that is only the report's subject ("KS?", "Kommunstyrelsen?", "What about the board?") or
    what the answer is for ("Ska in i en PM till ledningsgruppen."): any sentence of the report would do, so
    what it is about has to be asked."""
    if QUESTION_WORD.search(text) and not ABOUT.match(text):
        return False  # "Vad gör stadskontoret?" asks about the actor
    left = [w for w in words(text) if w not in STOP and w not in EN_STOP and not w.isdigit()]
    return bool(left) and all(w in ACTORS or REPORT_PARTS.fullmatch(w) or PURPOSE_NOUN.fullmatch(w) for w in left)


ABOUT = re.compile(r"(?i)\s*(?:och|men|and|but)?\s*(?:what|how) about\b|\s*(?:och|men)?\s*hur är det med\b")


DANGLING = re.compile(r"(?i)\b(?:för att|för|med|om|kring|inom|åt|about|on|with|to|for|regarding)\s*[?.!]*\s*$")


def requested_pages(text: str) -> tuple[int, int] | None:
    """The page or page range a question names ("sidan 12", "sidorna 37–41", "page 5")."""
    m = PAGE_RANGE.search(text)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        return (min(a, b), max(a, b))
    m = PAGE.search(text) or BARE_S_PAGE.search(text)
    if m:
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        return (min(a, b), max(a, b))
    return None


# "vad står på s 39": a page written with a bare "s" after "på" (not "39 procent")
BARE_S_PAGE = re.compile(r"(?i)(?<![\wåäö])på\s+s\s+(\d{1,3})()(?![\d\wåäö])")


# "i tre meningar", "in 5 bullet points", "på 3 rader": how many points the answer should have ("en rad åtgärder"
# is "a number of measures", so a single "rad" is not a length)
# counts in words, Swedish and English ("the two Japanese companies" is «Två japanska bolag»)
NUMBER_NAMES = {w: n for n, ws in enumerate((("en", "ett", "one"), ("två", "two"), ("tre", "three"), ("fyra", "four"),
                                              ("fem", "five"), ("sex", "six"), ("sju", "seven"), ("åtta", "eight"),
                                              ("nio", "nine"), ("tio", "ten"), ("elva", "eleven"), ("tolv", "twelve")), 1)
                for w in ws}
COUNT_WORDS = {w: n for w, n in NUMBER_NAMES.items() if n <= 8}
REQUESTED_COUNT = re.compile(r"(?<![\wåäö])(\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+(?:korta\s+|short\s+|key\s+)?"
                             r"(?:meningar|mening|punkter|punkt|rader|höjdpunkter|sentences?|points?|bullets?|"
                             r"bullet points?|highlights?|takeaways?|lines?)(?![\wåäö])", re.IGNORECASE)


# the whole request: "Svara i två punkter", "in three sentences", "på 3 rader"
LENGTH_REQUEST = re.compile(r"(?:(?:svara|skriv|answer|reply)\s+)?(?:i|in|på|with|med)?\s*"
                            r"(?:(?:max|max\.|högst|typ|ungefär|at most|no more than|about)\s+)?" + REQUESTED_COUNT.pattern +
                            r"(?:\s+(?:max|högst|tops|at most))?(?![\wåäö])", re.IGNORECASE)  # "typ 4 meningar max"


# "a quick summary", "en kort sammanfattning": the answer's form, not its topic
FORM_ADJECTIVE = re.compile(r"(?i)(?<![\wåäö])(?:quick|short|brief|kort|snabb|kortfattad)\s+"
                            r"(?=(?:summary|overview|recap|answer|explanation|sammanfattning|översikt|svar|förklaring)(?![\wåäö]))")


# how to put it, not what it is about: "förklara enkelt", "svara kortfattat", "med enkla ord", "in plain English"
STYLE_REQUEST = re.compile(r"(?i)(?<![\wåäö])(?:(?:förklara|beskriv|berätta|svara|explain|describe|answer|put it)\s+"
                           r"(?:det\s+|it\s+)?(?:enkelt|kort|kortfattat|pedagogiskt|lättbegripligt|simply|briefly)|"
                           r"med enkla ord|på (?:enkel|lättläst|lätt) svenska|in (?:simple|plain|layman'?s) "
                           r"(?:terms|words|language|english|swedish)|"
                           # for whom to understand: "… så att mina elever i åk 9 förstår", "so that my students
                           # understand"
                           r"(?:så att|så|so that|so)\s+(?:[\wåäö]+\s+){0,6}?(?:förstår|kan förstå|begriper|fattar|hänger med|"
                           r"understands?|can understand|get it)|"
                           # what the asker will do with it: "… så jag kan berätta om den på medlemsmötet"
                           r"(?:så att|så|so that|so)\s+(?:jag|vi|i|we)\s+(?:kan|can)\s+(?:berätta|förklara|presentera|"
                           r"redovisa|tell|explain|present)(?:\s+(?:om\s+)?(?:den|det|dem|it|them|about it))?"
                           r"(?:\s+(?:på|i|för|at|in|to)\s+(?:[\wåäö-]+\s*){1,3})?|"
                           # ... or with the answer: "… som jag kan lyfta i ett pressmeddelande", "that I can use in a post"
                           r"(?:som|that)\s+(?:jag|vi|i|we)\s+(?:kan|can|could)\s+(?:lyfta(?:\s+fram)?|använda|citera|"
                           r"ta med|ha med|use|quote|include|highlight|put)(?:\s+(?:på|i|för|in|at|to)\s+"
                           r"(?:[\wåäö-]+\s*){1,3})?|"
                           # a quote asked for: "ge mig en citerbar mening ur rapporten om …", "a quotable line on …"
                           r"(?:(?:ge mig|give me)\s+)?(?:en |ett |a |some |några )?(?:citerbara?|bra|quotable|good)\s+"
                           r"(?:mening(?:ar)?|citat|sentences?|lines?|quotes?)(?:\s+(?:ur|från|from|in)\s+(?:rapporten|"
                           r"the report))?|"
                           # how exact: "…, exakt belopp?", "the exact figure please"
                           r",?\s*(?:(?:ge mig|give me|med|with)\s+)?(?:det |the )?(?:exakt|exakta|precist|exact|precise)\s+"
                           r"(?:belopp(?:et)?|summa(?:n)?|siffra(?:n)?|siffror(?:na)?|amount|figure|number|sum)"
                           r"(?:\s+(?:tack|please|pls))?|"
                           # how plain: "inga floskler tack", "utan floskler", "no fluff please"
                           r",?\s*(?:inga|utan|no|without)\s+(?:floskler|flum|fluff|buzzwords|jargon|jargong|pr-?språk)"
                           r"(?:\s*,?\s*(?:tack|please|pls))?)(?![\wåäö])[.!]?")


# what the answer is for ("Ska in i en PM till ledningsgruppen.", "It's for a briefing."): a sentence beside the
# question that names a memo, a meeting or a boss and asks nothing
PURPOSE_NOUN = re.compile(r"(?i)(?<![\wåäö])(?:pm|promemoria|memo|mejl|mail|e-?post|presentation|dragning|briefing|"
                          r"ledningsgrupp\w*|chef(?:en|er|erna)?|min chef|boss|manager|[\wåäö]*möte[nt]?|meeting|"
                          r"talking points|underlag|[\wåäö]+fråga|kort fråga|quick (?:one|question)|"
                          r"press\w*|nyhetsbrev\w*|newsletter|artikel\w*|article)(?![\wåäö])")
SENTENCE_END = re.compile(r"(?<=[.?!:])\s+")  # "Quick one for a delegation briefing: how many …?"
# (with the chat spellings: "whats on page 5")
QUESTION_WORD = re.compile(r"\b(hur|vad|vilk\w*|när|var|vem|varför|what|which|how|when|where|who|why|whats|hows|whos|"
                           r"wheres|whens)\b",
                           re.IGNORECASE)


# a claim told to be checked, not asked: "oppositionen påstår att KS gett 5 mnkr till Malmö Pride", "The opposition
# claims that the surplus is 30 Mkr – is that true?", "KS anslag har ökat med 30 mnkr, stämmer det?"
CLAIM_TOLD = re.compile(r"(?i)^\s*(?:[\wåäö'’]+\s+){1,4}?(?:påstår|påstås|säger|sägs|hävdar|hävdas|menar|skriver|tror|"
                        r"claims?|says?|argues?|states?|insists?|thinks?)\s+(?:att|that)\s+(?P<claim>.+)$")
CHECK_ASKED = re.compile(r"(?i)[\s.,;:–—-]*(?:(?:stämmer(?:\s+(?:det|detta|det här))?|är\s+(?:det|detta|det här))(?:\s+(?:verkligen|sant|korrekt|rätt))*"
                         r"|(?:is|was)\s+(?:that|it|this)\s+(?:really\s+)?(?:true|correct|right))\s*\??\s*$")


def as_claim_check(text: str, lang: str) -> str | None:
    """A told claim as the check it asks for ("Stämmer det att …?", "Is it true that …?"), or None. The claim
    must ask nothing itself: "Rapporten säger att det blir ett överskott – varför?" asks a reason."""
    told = CLAIM_TOLD.match(text)
    body = told.group("claim") if told else text
    check = CHECK_ASKED.search(body)
    if told is None and check is None:
        return None
    claim = body[:check.start()] if check else body
    claim = claim.strip(" .,;:–—-?")
    if len(claim.split()) < 3 or QUESTION_WORD.search(claim) or "?" in claim:
        return None
    return f"Is it true that {claim}?" if lang == "en" else f"Stämmer det att {claim}?"


# "Jag ska skriva en PM om X – vad säger rapporten?", "I'm writing a memo on X": the memo is not the topic, X is
PURPOSE_FRAME = re.compile(
    r"(?i)\b(?:jag|vi) (?:ska|skall|behöver|håller på att|vill) (?:skriva|göra|ta fram|förbereda|sammanställa) "
    r"(?:en |ett )?(?:pm|promemoria|memo|mejl|mail|presentation|dragning|underlag|text)\s+(?:om|kring|inför)\s+|"
    r"\b(?:i'?m|i am|we'?re|we are) (?:writing|preparing|drafting|putting together) (?:a |an )?"
    r"(?:memo|briefing|note|presentation|email|mail)\s+(?:on|about)\s+")


# the asker's own situation beside the question ("jag ska dra den på ledningsgruppen imorgon", "I'm preparing a
# note for our finance colleagues:"): a clause in the first person that asks nothing and names no topic ("om …")
ASIDE = re.compile(r"^(?:(?i:och|men|så|and|so)\s+)?(?:(?i:jag|vi)|I'm|I am|I've|I have|I need|I'll|I'd|I|"
                   r"(?i:we|we're|we are)|"
                   # the informal first person without its "jag": "Sitter med HR-strategin.", "Behöver bara siffran:"
                   r"(?i:sitter|behöver|jobbar|håller på|skriver|förbereder|tittar på|kollar))(?![\wåäö'])|"
                   # what the answer goes into: "ska in i ett PM till förvaltningsledningen", "it's for a memo"
                   r"^(?i:(?:det\s+|den\s+)?ska\s+(?:in|med|användas)|(?:it's|it is|this is)\s+for|(?:it|this)\s+goes\s+into)"
                   r"(?![\wåäö'])|"
                   # what it is for, before the question: "Inför samverkan:", "Ahead of the board meeting:"
                   r"^(?i:inför|before|ahead of)\s[^?]{0,60}:$|"
                   # what it goes into, before the question: "For our EU project newsletter:", "Till vårt nyhetsbrev:"
                   r"^(?i:for|till|för)\s+(?i:our|my|an?|the|vårt|vår|mitt|min|en|ett)\s[^?]{0,60}:$|"
                   # who is asking: "controller på ekonomiavd här", "Anna from HR here", "Our finance colleagues in
                   # Copenhagen are asking:", "Min chef undrar:"
                   r"^[^?]{0,60}\s(?i:här|here)[.!:]?$|"
                   r"^[^?]{0,80}\s(?i:(?:are|is) asking|asks|asked|wants? to know|undrar|frågar|har frågat)[.!:]?$|"
                   # who keeps asking about what: "Colleagues in our partner cities keep asking me about the bond"
                   r"^[^?]{0,80}\s(?i:keeps? asking|kept asking|(?:have|has) been asking|(?:are|is) asking|"
                   r"frågar (?:mig|oss) (?:ofta|hela tiden|ständigt)|undrar (?:ofta|hela tiden|ständigt))"
                   r"\s(?i:me\s|us\s|mig\s|oss\s)?(?i:about|om|kring)\s[^?]*$|"
                   # what the asker's own organisation faces: "Schemaläggning är en stor fråga hos oss."
                   r"^[^?]{0,80}\s(?i:hos oss|för oss|på vår förvaltning|i vår förvaltning|for us|in our (?:team|"
                   r"department|office|organisation|organization))[.!]?$|"
                   # where the asker starts: "so to start with the basics:", "Först och främst:"
                   r"^(?i:(?:and |so |och |så |men )?(?:to (?:start|begin) with|first(?: of all)?|firstly|"
                   r"till att (?:börja|starta) med|först och främst|för att börja)"
                   r"(?: the basics| basics| det grundläggande| grunderna)?)[.!:,]?$|"
                   # why it matters to the asker: "– this is relevant for our S-pillar assessment"
                   r"^(?i:this|it|that)(?:\s+is|'s)\s+(?i:relevant|important|needed|useful|key|for)\b[^?]*$|"
                   # what the asker writes: "For a paper I am writing on municipal finance in Scandinavia,"
                   r"^(?i:for|till|för|in)\s+(?i:a|an|my|our|the|en|ett|min|mitt|vår|vårt)\s[^?]{0,60}?\s"
                   r"(?:I|(?i:we|jag|vi))\s(?i:am|are|was|were|ska|skriver|håller)\b[^?]*$|"
                   # why the asker asks: "Since I deal a lot with Brussels", "Eftersom jag jobbar med EU-frågor"
                   r"^(?i:since|as|because|eftersom|då)\s+(?i:I|we|jag|vi)(?![\wåäö'])[^?]*$")
# what the asker has heard is the question's topic, not an aside: "Jag har förstått att det blir dubbla hyror i
# samband med flytten. Varför …?"
REPORT_VIEW_ASKED = re.compile(r"(?i)^\s*(?:so |and |men |så |och )?(?:what does the report say (?:about|on|regarding)|"
                               r"what do(?:es)? (?:the report|you|they) (?:say|write) (?:about|on)|"
                               r"vad (?:säger|skriver) rapporten (?:om|kring)|vad står det (?:i rapporten )?om)\s")
HEARD_THAT = re.compile(r"(?i)^(?:jag|vi|I|we)\s+(?:har\s+|have\s+)?(?:förstått|hört|läst|sett|fått höra|understand|"
                        r"understood|heard|read|seen|been told)\s+(?:att|that)\b")
ASIDE_TOPIC = re.compile(r"(?i)(?<![\wåäö])(?:om|kring|angående|about|on|regarding)(?![\wåäö])")
GREETING = re.compile(rf"(?i)^\s*(?:{GREETING_WORDS}|tack|thanks|thank you)(?![\wåäö])[\s,!.]*")
CLAUSE_END = re.compile(r"(?<=[,:;.!?])\s+|\s+[–—-]\s+")


def without_asides(text: str) -> str:
    """The question without a greeting or a clause about the asker ("hej, jag sitter o förbereder
    budgetberedningen. hur stort är …"): their words are not its topic. A lone clause is kept."""
    rest = GREETING.sub("", text)
    text = rest if rest.strip() else text
    clauses = CLAUSE_END.split(text.strip())
    if len(clauses) < 2:
        return text
    asides = [ASIDE.match(c) is not None and "?" not in c and not QUESTION_WORD.search(c) and not HEARD_THAT.match(c)
              for c in clauses]
    kept = [c for c, aside in zip(clauses, asides, strict=True) if not (aside and not ASIDE_TOPIC.search(c))]
    if kept and len(kept) < len(clauses) and not has_topic(" ".join(kept)):
        return text  # "Inför valet 2026: vad gör staden?": the lead was the topic
    # an aside that names a topic goes too when the question names its own: "I'm writing a short note on the
    # finances for colleagues abroad; what full-year result is forecast …?" asks of the forecast, not of notes
    asked = [c for c, aside in zip(clauses, asides, strict=True) if not aside]
    if asked and len(asked) < len(kept) and has_topic(" ".join(asked)):
        kept = asked
    # a claim, then what the report says on a topic named: "Malmö is obviously trying to lure Danish companies across
    # the sound - what does the report say about attracting companies?" asks the report's view, not the claim's words
    at = next((i for i, c in enumerate(kept) if REPORT_VIEW_ASKED.match(c) and has_topic(REPORT_VIEW_ASKED.sub("", c))),
              None)
    if at and all("?" not in c for c in kept[:at]):
        kept = kept[at:]
    if not kept or len(kept) == len(clauses):
        return text
    return " ".join(kept)


# verbs that stand for another and adverbs of time ("hur många har redan gjort det?"): they name no topic
PRO_VERBS = frozenset(("gjort", "göra", "gör", "gjorde", "görs", "gjordes", "hänt", "händer", "hände", "redan",
                       "fortfarande", "ännu", "egentligen",
                       # "är det något nytt på gång där?": news asked of a thing named before
                       "ny", "nytt", "nya", "gång"))


def has_topic(text: str) -> bool:
    """Whether a question names something besides its cue and the report's actors ("vad gör staden?" does not)."""
    return any(w not in STOP and w not in EN_STOP and w not in ACTORS and w not in PRO_VERBS
               for w in words(topic_words(text)))


def without_purpose(text: str) -> str:
    """The question without a sentence saying what the answer is for: "ledningsgruppen" and "PM" are not
    its topic. A task ("Skriv ett mejl …") is kept (it is refused as one), and so is a lone sentence."""
    text = without_asides(PURPOSE_FRAME.sub("", text))
    sentences = SENTENCE_END.split(text.strip())
    if len(sentences) < 2:
        return text
    kept = [x for x in sentences if "?" in x or TASK.match(x) or QUESTION_WORD.search(x) or not PURPOSE_NOUN.search(x)]
    # the asker's own story before a question that names its topic ("jag är 74 år och bor ensam … man läser ju så
    # mycket om att äldre glöms bort. står det nånting i rapporten om vad staden gör för oss äldre?")
    asked = [x for x in kept if "?" in x]
    # (not when the question points back to it: "Upphandlingsverksamheten finansieras ju av oss förvaltningar.
    # Vilket överskott prognostiserar den …?")
    if asked and len(asked) < len(kept) and has_topic(" ".join(asked)) and not POINTS_BACK.search(" ".join(asked)):
        kept = [x for x in kept if "?" in x or TASK.match(x) or QUESTION_WORD.search(x) or REQUEST_VERB.search(x)
                or HEARD_THAT.match(x) or not PERSONAL.search(x)]  # (what the asker has heard is the topic)
    return " ".join(kept) if kept and len(kept) < len(sentences) else text


POINTS_BACK = re.compile(r"(?i)(?<![\wåäö])(?:den|dem|dessa|detta|denna|deras|dess|it|they|them|this|these|its|their)"
                         r"(?![\wåäö])")
# a sentence of the asker's own situation or view: a first-person or generic pronoun
PERSONAL = re.compile(r"(?<![\wåäöÅÄÖ])(?:(?i:jag|vi|mig|oss|min|mitt|mina|vår|vårt|våra|man|we|me|us|my|our)|I)"
                      r"(?![\wåäöÅÄÖ'])")  # (the English "I" in capitals: the Swedish "i" is a preposition)


# whom the answer is for, at the end: "… i några punkter till min chef", "… for my manager"
FOR_WHOM = re.compile(r"(?i)\s+(?:till|åt|för|for|to|in)\s+(?:(?:min|mitt|mina|vår|vårt|våra|my|our)\s+"
                      r"(?:chef|chefen|boss|manager|ledningsgrupp\w*|kollegor\w*|colleagues|team|teamet)|"
                      r"(?:a|an|en|ett|my|our)\s+(?:(?:english|swedish|engelsk|engelska|svensk|svenska|short|kort)\s+)?"
                      r"(?:[\wåäö]*memo|pm|briefing|note|presentation|email|mejl|mail|piece|article|artikel|story|"
                      r"[\wåäö]*text|pressmeddelande|press release)|"
                      # (whose newsletter: "för stadsdirektörens veckobrev", "for the director's newsletter")
                      r"(?:(?:vårt|mitt|our|my|the|[\wåäö]{4,}s|(?:the\s+)?[\w]{3,}'s)\s+)?(?:nyhetsbrev(?:et)?|newsletter|"
                      r"veckobrev(?:et)?|"
                      r"personaltidning(?:en)?|staff magazine))\b"
                      r"[\s.!?]*$")

# the occasion the answer is for, at the end: "Sammanfatta KS ekonomi inför KF", "… ahead of the council meeting"
# (a meeting, a debate or a dialogue: "inför flytten till Rådhuset" is a topic)
OCCASION = re.compile(r"(?i)\s+(?:inför|before|ahead of)\s+(?:(?:nästa|kommande|next|the|tomorrow's|morgondagens)\s+)?"
                      r"(?:(?:kommunfullmäktige|kf)(?:s\s+[\wåäö]+)?|(?:city\s+)?council(?:\s+meeting)?|[\wåäö]*möte[nt]?|"
                      r"meeting|[\wåäö]*sammanträde[nt]?|dragning(?:en)?|[\wåäö]*dialog(?:en)?|[\wåäö]*beredning(?:en)?|"
                      r"debatt(?:en)?|debate|presentation(?:en)?)[\s.!?]*$")

# what the asker will do with it, as a relative clause at the end: "… som jag bör ta med i en dragning för
# kommunalrådet?", "… that I should include in a briefing?"
WILL_USE = re.compile(r"(?i)\s+(?:som jag|som vi|that I|which I|that we)\s+(?:bör|borde|ska|skall|kan|vill|behöver|"
                      r"should|could|can|need to|must|want to)\s+(?:ta med|ha med|nämna|lyfta|ta upp|include|mention|"
                      r"bring up|put in|highlight|(?:ha|sätta|lägga|använda) (?:på|i) (?:en |ett )?(?:bild|slide|"
                      r"presentation|pm)|(?:use|put) (?:on|in) (?:a |the )?(?:slide|presentation|memo))\b[^?]*")


# "EU-related matters", "klimatrelaterade frågor": the thing itself is the topic
RELATED = re.compile(r"(?i)(?<![\wåäö-])([\wåäö]{2,})-?(?:related|relaterade|relaterad|relaterat)(?![\wåäö])")


# the asker's remark after the question: "… nu? låter mest som PR", "… i år? Känns som greenwashing", "? seems like spin"
TRAILING_REMARK = re.compile(r"(?i)\?\s*(?!och\b|and\b|eller\b|or\b|samt\b|plus\b|också\b|also\b)[^?]*?(?<![\wåäö])"
                             r"(?:låter|känns|verkar|tycker|misstänker|undrar bara|seems|sounds|feels|looks like|smells)"
                             r"(?![\wåäö])[^?]*$")


# an English academic frame around the topic: "In the context of climate adaptation, …", "with regard to housing"
ACADEMIC_FRAME = re.compile(r"(?i)(?<![\wåäö])(?:in the context of|with (?:respect|regard|reference) to|in terms of|"
                            r"in particular|as (?:described|presented|reported|set out) in the report)(?![\wåäö])")


def without_length_request(text: str) -> str:
    """The question without how long its answer should be or what it is for: "svar", "punkter", "quick",
    "till min chef" and "Ska in i en PM" are not what it is about."""
    text = ACADEMIC_FRAME.sub(" ", TRAILING_REMARK.sub("?", text))
    text = WILL_USE.sub("", without_purpose(RELATED.sub(r"\1", text)))
    text = OCCASION.sub("", FOR_WHOM.sub("", text))
    return FORM_ADJECTIVE.sub("", LENGTH_REQUEST.sub(" ", STYLE_REQUEST.sub(" ", text)))


def requested_count(text: str) -> int | None:
    """How many sentences or points a question asks for ("Sammanfatta i tre meningar"), if it says."""
    m = REQUESTED_COUNT.search(text)
    if m is None:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else COUNT_WORDS[m.group(1).lower()]
    return n if n >= 1 else None


# one clause of small talk: "thanks for the help yesterday", "how are you doing today", "tack för senast"
SMALL_TALK_CLAUSE = re.compile(
    rf"(?i)(?:(?:{GREETING_WORDS}|{EVENING})(?: (?:there|everyone|all|alla|igen|again))?|"
    r"(?:tack|thanks|thank you)(?: (?:så mycket|så hemskt mycket|igen|again|a lot|so much|very much|"
    r"för|for)\b[^,.!?]{0,40})?|"
    r"hur mår du(?: själv)?(?: idag)?|hur är läget(?: med dig)?(?: idag)?|hur har du det(?: själv)?(?: idag)?|"
    r"how are you(?: doing)?(?: today)?|how's it going|hope you(?:'re| are) well|ha en (?:bra|trevlig) dag|"
    r"how(?:'s| is| was| has) (?:your|ur) (?:day|morning|week|weekend)(?: going| been)?(?: so far)?|"
    r"hur (?:går|gick|var|har) (?:din|er) (?:dag|morgon|vecka|helg)(?: varit| gått)?(?: hittills)?|"
    r"har du haft en (?:bra|trevlig|skön) (?:dag|morgon|vecka|helg)|"
    r"did you have a (?:good|nice|great) (?:day|morning|week|weekend)|"
    r"nice to meet you|trevligt att träffas|"
    r"(?:this|that|it|you) (?:has been|have been|was|were|is|are) (?:really |very |so |super )?(?:helpful|useful|great|"
    r"nice)(?: (?:for|to) [^,.!?]{0,60})?|det var (?:allt|det)(?: för (?:i )?(?:dag|idag|nu|den här gången))?|"
    r"(?:that's|that is|this is) (?:all|it)(?: for (?:now|today))?|"
    r"(?:det här|det|du) (?:har varit|var|är|e) (?:jätte|väldigt |mycket |super)?(?:bra|hjälpsamt|hjälpsam|grym|grymt|"
    r"fantastisk|fantastiskt|bäst|underbar|guld)|"
    r"(?:super |really |very |so )?(?:helpful|useful)|perfekt|toppen|jättebra|grymt|awesome|great|perfect|"
    r"(?:du är|du var|det här är|det var|det är) (?:till )?(?:(?:en )?(?:stor|mycket|väldigt stor|jättestor) )?hjälp|"
    r"(?:you(?:'re| are| were)|this is|that was|that's) (?:a |such a )?(?:big |great |huge |real )?help|"
    r"have a (?:nice|good|great) day|"
    # what the assistant is and can do, as a chat writes it: "r u a bot? what can u do"
    r"(?:are you|r u|are u|är du) (?:a |an |en )?(?:robot|bot|ai|chatbot|chattbot|human|människa|chatgpt|gpt)|"
    r"what can (?:you|u) do(?: for me)?|vad kan du (?:göra|hjälpa (?:mig )?med)?|who are (?:you|u)|vem är du|"
    # help asked with the report as a whole, before any question: "Kan du hjälpa mig lite med delårsrapporten?"
    r"(?:kan|skulle) du (?:hjälpa|hjälpa till)(?: mig| oss)?(?: lite(?: grann)?)?(?: med (?:[^,.!?]{0,40}?)?rapport\w*)?|"
    r"(?:can|could|would) (?:you|u) help(?: me| us)?(?: out)?(?: with (?:[^,.!?]{0,40}?)?report)?|"
    r"jag har (?:några|ett par|en) frågor?(?: om (?:[^,.!?]{0,40}?)?rapport\w*)?|"
    r"i have (?:a few|some|a couple of|a) questions?(?: (?:about|on) (?:[^,.!?]{0,40}?)?report)?)")


def all_small_talk(text: str) -> bool:
    """Whether every clause of a text is small talk ("Hi! thanks for the help yesterday, how are you doing
    today?"): a greeting, not a question about the report."""
    # (a smiley's mouth is no clause: "du är grym :)")
    clauses = [c.strip() for c in re.split(r"[,.!?;:]+", text) if re.search(r"[^\W\d_]", c)]
    return bool(clauses) and all(SMALL_TALK_CLAUSE.fullmatch(c) for c in clauses)


# general knowledge: how two kinds of thing differ, each named with an indefinite article ("Vad är skillnaden mellan
# en kommun och en region?"); the report tells of its own board, it defines no kinds
KINDS_DIFFER = re.compile(r"(?i)^\s*(?:vad är |vilken är |what(?:'s| is) )?(?:skillnaden|the difference) (?:mellan|between) "
                          r"(?:en|ett|a|an) [\wåäö-]+ (?:och|and) (?:en|ett|a|an) [\wåäö-]+"
                          r"(?:\s+(?:egentligen|riktigt|really|actually|exactly))?\s*[?.!]*\s*$")


# general knowledge: what a thing means in general ("Vad innebär kommunallagens krav på god ekonomisk hushållning i
# allmänhet?", "What does a balanced budget mean in general?"); the report tells what it means for its board
MEANING_IN_GENERAL = re.compile(r"(?i)^\s*(?:vad (?:innebär|betyder|är|menas med)|vad står \S+ för|what (?:is|are|does|do)|"
                                r"define|definiera|förklara vad)\b[^?]*\b(?:i allmänhet|generellt(?: sett)?|rent generellt|"
                                r"in general|generally(?: speaking)?|in a general sense)\s*[?.!]*\s*$")


# a question on the assistant's own life ("jobbar du helg eller?", "do you work weekends?"): small talk
ABOUT_THE_ASSISTANT = re.compile(r"(?i)(?<![\wåäö])(?:(?:jobbar|arbetar|sover|äter|bor|tränar|vilar) du|"
                                 r"do you (?:work|sleep|eat|live|rest)|are you (?:working|tired|busy|off)|"
                                 # its own stance: "är du opartisk …?", "are you biased?"
                                 r"^\W*(?:är du|are you) (?:\w+ )?(?:opartisk|partisk|neutral|objektiv|politisk|"
                                 r"impartial|biased|unbiased|objective|political))(?![\wåäö])")


# emoji and other symbols, no words: left out before the small-talk checks
SYMBOLS = re.compile(r"[^\w\s.,!?;:'’\"()«»%&/+–-]")
# thanks, answered in kind before the line on what the assistant does
THANKS = re.compile(r"(?i)^\s*(?:(?:tack|thanks|thank you|tusen tack|stort tack|many thanks)(?![\wåäö])|ty\b|tnx\b)")


# what a message asks for when it asks without a question mark ("Tack! Sammanfatta rapporten.")
REQUEST_VERB = re.compile(r"(?i)(?<![\wåäö])(?:sammanfatta|summera|berätta|beskriv|förklara|lista|ge mig|visa|jämför|"
                          r"summari[sz]e|tell|describe|explain|list|give|show|compare)(?![\wåäö])")


def thanks_and_a_remark(text: str) -> bool:
    """Thanks followed by a remark that asks nothing ("Tack så mycket för hjälpen, det här blir bra underlag till vår
    ledningsgrupp!"): no question mark, no question word, no request."""
    return bool(THANKS.match(text)) and "?" not in text and not QUESTION_WORD.search(text) \
        and not REQUEST_VERB.search(text)


def thanked(text: str) -> bool:
    """Whether a message is thanks (and nothing but small talk): answered "Varsågod!" before what the assistant does."""
    text = SYMBOLS.sub(" ", text)
    rest = GREETING.sub("", text).strip()  # "Hej! Tack för hjälpen …": greeted first
    return any(THANKS.match(t) and (CHITCHAT.match(t) or all_small_talk(t) or thanks_and_a_remark(t))
               for t in (text, rest) if t)


# the weather, asked: no report of a board's year tells it ("Hur förväntas vädret bli den dag vi håller mötet?" met
# «Förväntas uppnås»); not extreme weather, which climate adaptation is about
WEATHER = word_rx(r"vädret", r"(?<!extrem-)väder", r"väderprognos\w*", r"regnar", r"snöar",
                  r"(?<!extreme )(?<!severe )weather(?! events?| risks?)", r"weather forecast", r"raining", r"snowing")


def is_out_of_scope_request(text: str) -> bool:
    """Chit-chat and the weather, tasks the assistant does not do (write a mail, translate, tell a joke), opinions or
    advice asked of it ("Tycker du att …?", "Should I …?") and general knowledge (KINDS_DIFFER, MEANING_IN_GENERAL)."""
    text = SYMBOLS.sub(" ", text)  # an emoji says nothing of what is asked: "tack för hjälpen! 😊"
    rest = GREETING.sub("", text).strip()  # "hej är du chatgpt eller vad": the greeting, then what is asked
    small_talk = any(CHITCHAT.match(t) or all_small_talk(t) for t in (text, rest) if t) or thanks_and_a_remark(text)
    return bool(small_talk or TASK.match(text) or OPINION.search(text) or WEATHER.search(text)
                or KINDS_DIFFER.match(text) or MEANING_IN_GENERAL.match(text) or ABOUT_THE_ASSISTANT.search(text))


# goals being met, in one noun: "måluppfyllelse", "goal attainment"
GOALS_MET = word_rx(r"måluppfyllelse\w*", r"goal (?:attainment|achievement|fulfil\w*)")
# all of the outline at once, to be summarised: "sammanfatta målområdena och KF-målen", "summarise the goal areas"
WHOLE_OUTLINE = word_rx(r"(?:alla |samtliga |de sex |de tolv )?(?:målområdena|kommunfullmäktigemålen|kf-målen|"
                        r"fullmäktigemålen)(?! om\b| för\b)",
                        r"(?:all )?(?:the )?(?:six |twelve )?(?:goal areas|council goals)(?! (?:about|on|for)\b)")


def asks_if_goals_are_met(text: str) -> bool:
    """Whether goals are met or how they are assessed ("Nås klimatmålen?", "Hur bedöms målen?"); the work
    done to meet one ("Vad gör staden för att nå klimatmålen?") is a brief on that work, not its assessment."""
    if GOALS_MET.search(text) is not None:
        return True
    if GOAL_WORD.search(text) is None:
        return False
    if ASSESSED_WORD.search(text) is not None:
        return True
    if MET_WORD.search(text) is None:
        return False
    return not (PURPOSE_OF_MEETING.search(text) and BRIEF.search(PURPOSE_OF_MEETING.sub(" ", text)))


EARLIER_ASSESSMENT = word_rx(r"tidigare", r"förra året", r"i fjol", r"previously", r"earlier", r"last year",
                             r"before", r"used to be")
EVERYTHING_ABOUT = word_rx(r"allt (?:om|kring|som rör|rörande)", r"everything (?:about|on|regarding)", r"all about")


def route(text: str, kind: str | None = None) -> str:
    """The answer shape for a question; `kind` is the question's answer kind
    (assistant.answer.question.answer_kind), which decides between a fact and a
    structural question."""
    if is_out_of_scope_request(text):
        return "out_of_scope"
    pages = requested_pages(text)
    summary = SUMMARY.search(text) is not None
    if pages and (summary or PAGE_ASK.search(text)):
        return "summary" if summary and pages[0] != pages[1] else "page"
    if summary and (GOALS_MET.search(text) or WHOLE_OUTLINE.search(text)):
        return "outline"  # "Sammanfatta … kommunstyrelsens måluppfyllelse": the twelve assessments
    if summary and not REASON_ASKED_BY_NAME.search(text):
        # "Sammanfatta allt om flytten": what the whole report says on a topic, wherever it stands (a brief),
        # not one section of it
        return "brief" if EVERYTHING_ABOUT.search(text) else "summary"
    if REASON.search(text):
        return "reason"
    goals_met = asks_if_goals_are_met(text)
    assessment_changed = kind == "status" and CHANGE.search(text) is not None  # "Har bedömningen ändrats?"
    # "Which goal was previously judged only partly met?": an earlier assessment is told in prose, the outline
    # holds this year's
    earlier = EARLIER_ASSESSMENT.search(text) is not None
    if (kind in ("goal_area", "goals_in_area", "status") or OUTLINE.search(text) or goals_met) \
            and not assessment_changed and not earlier and not OTHER_GOALS.search(text):
        return "outline"
    if CHANGE.search(THING_CALLED_CHANGE.sub(" ", AFTER_CHANGES.sub(" ", AGAINST_BUDGET.sub(" ", text)))):
        # (a forecast "compared with the budget" is one row's two columns, and a total "after this year's changes"
        # the value they led to: facts; "climate change" is a thing)
        return "change"
    if (BRIEF.search(text) and not SPLIT_ASKED.search(text)) or WHAT_IS_NAME.match(text) \
            or WHAT_IS_NAMED_THING.match(text):
        return "brief"  # (how a figure is split is its parts: "How is the city office's result … split?" is a fact)
    if kind in (None, "list") and (n := requested_count(text)) is not None and n >= 2:
        return "brief"  # "Ge mig tre punkter om kompetensförsörjning": points asked for, not one value
    if (aspects := ASPECTS_ASKED.match(text)) is not None and not ASKED_AFTER_ALL.search(aspects.group(1)):
        # "Flytten till Rådhuset – tidplan och ekonomiska konsekvenser?" (but "… – belopp och datum?" asks two
        # values, and "… – prognosavvikelse och förklaring?" a reason)
        asked = [w for w in words(aspects.group(1)) if w not in STOP]
        if any(REASON_NOUN.fullmatch(w) for w in asked):
            return "reason"
        if not all(VALUE_NOUN.fullmatch(w) for w in asked):
            return "brief"
    if STATUS_OF.match(text):
        return "brief"  # "Status Öresundsmetron?"
    return "fact"


# shorthand for several sides of one thing: "Flytten till Rådhuset – tidplan och ekonomiska konsekvenser (investering,
# hyra Uven)?": a topic, a dash, then two or more nouns (a question word among them is a question: ASKED_AFTER_ALL)
ASPECTS_ASKED = re.compile(r"(?i)^\s*[^?–—:]{3,80}?\s+[–—-]\s+(?!when\b)"
                           r"([\wåäö -]{3,40}?\s+(?:och|samt|and|,)\s+[\wåäö -]{3,60})(?:\([^)]*\))?\s*\??\s*$")
# (a question or a request after the dash: "… - överskott el underskott o hur mkt?", "- could you give me …")
# ("när" asks too, unless it stands for a "tidplan" among the sides: "– när och ekonomiska konsekvenser")
ASKED_AFTER_ALL = re.compile(r"(?i)(?<![\wåäö])(?:hur|vad|vilk\w*|varför|how|what|which|why|could|can|would|kan|"
                             r"skulle|give|ge|när(?!\s+(?:och|samt|,)))(?![\wåäö])")
REASON_NOUN = re.compile(r"(?i)förklaring\w*|orsak\w*|skäl\w*|anledning\w*|explanations?|reasons?|causes?")
VALUE_NOUN = re.compile(r"(?i)\d+|belopp\w*|summa\w*|datum\w*|tidpunkt\w*|antal\w*|år(?:tal)?|siffr\w*|mkr|amounts?|"
                        r"dates?|numbers?|figures?|years?|sums?|budget\w*|prognos\w*|forecasts?|utfall\w*|outcomes?|"
                        r"avvikelse\w*|deviations?|kommentar\w*|comments?|begäran|requests?|plan|plans|kostnad\w*|"
                        r"costs?")
# how a thing stands, in shorthand: "Status Öresundsmetron?", "statusen på AI-satsningen?"
STATUS_OF = re.compile(r"(?i)^\s*(?:status|statusen|läget|lägesbild)\s+(?:(?:på|för|i|kring|of|on)\s+)?[\wåäöÅÄÖ-]+"
                       r"(?:\s+[\wåäöÅÄÖ-]+){0,3}\s*\?*\s*$")
