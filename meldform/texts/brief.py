"""The texts of the letter for the parents (``meldform brief``), in plain Dutch (B1) and plain English.

Written for a parent, not for a professional: short sentences, everyday words, "misschien" and
"zorgen over" instead of conclusions, never a word of blame. Veilig Thuis's own line: we do not
look for the truth or for someone to blame, we want to know what the worries are. The English is
for parents who read English, so it is plain English ("report", not "melding"), not a
translation of jargon; the names Veilig Thuis and Raad voor de Kinderbescherming stay as they are,
because that is what the parents will hear and see.

Parameters: ``{kind}`` is "uw kind", "uw kinderen" or "een kind" ("your child", ...), ``{is}`` the
verb that goes with it, ``{namen}`` the children's first names ("Noor en Daan"). Read with
:func:`meldform.texts.messages.pick`.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # -- the head of the letter -----------------------------------------------------------------------
    "titel": {"nl": "Melding bij Veilig Thuis: wat betekent dat voor u?", "en": "A report to Veilig Thuis: what does it mean for you?"},
    "over": {"nl": "Over", "en": "About"},
    "aanhef_ouder": {"nl": "Beste ouder,", "en": "Dear parent,"},
    "aanhef_ouders": {"nl": "Beste ouders,", "en": "Dear parents,"},
    "aanhef_algemeen": {"nl": "Beste meneer, mevrouw,", "en": "Dear Sir or Madam,"},
    # -- why this letter --------------------------------------------------------------------------------
    "inleiding_open": {
        "nl": "Wij hebben op {datum} een melding gedaan bij Veilig Thuis. Veilig Thuis helpt als er zorgen zijn over geweld in een gezin.",
        "en": "On {datum} we made a report to Veilig Thuis. Veilig Thuis helps when there are worries about violence in a family.",
    },
    "inleiding_besproken": {
        "nl": "Wij hebben dit op {datum} met u besproken.",
        "en": "We talked with you about this on {datum}.",
    },
    "inleiding_afgeschermd": {
        "nl": "Veilig Thuis heeft een melding gekregen. Veilig Thuis helpt als er zorgen zijn over geweld in een gezin.",
        "en": "Veilig Thuis has received a report. Veilig Thuis helps when there are worries about violence in a family.",
    },
    "inleiding_brief": {
        "nl": "In deze brief leest u wat dat betekent. En wat er nu gaat gebeuren.",
        "en": "This letter tells you what this means, and what happens next.",
    },
    "geen_schuld_open": {
        "nl": "Een melding betekent niet dat u iets fout doet. Het betekent dat wij ons zorgen maken. En dat wij willen dat het goed gaat.",
        "en": "A report does not mean that you have done something wrong. It means that we are worried, and that we want things to go well.",
    },
    "geen_schuld_afgeschermd": {
        "nl": "Een melding betekent niet dat u iets fout doet. Het betekent dat er zorgen zijn.",
        "en": "A report does not mean that you have done something wrong. It means that there are worries.",
    },
    # -- the worries -----------------------------------------------------------------------------------
    "kop_zorgen_open": {"nl": "Waar maken wij ons zorgen over?", "en": "What are we worried about?"},
    "kop_zorgen_afgeschermd": {"nl": "Wat zijn de zorgen?", "en": "What are the worries?"},
    "zorgen_kinderen_open": {"nl": "Wij maken ons zorgen over de veiligheid van {namen}.", "en": "We are worried about the safety of {namen}."},
    "zorgen_kinderen_afgeschermd": {"nl": "De zorgen gaan over de veiligheid van {namen}.", "en": "The worries are about the safety of {namen}."},
    "zorgen_thuis_open": {"nl": "Wij maken ons zorgen over de veiligheid bij u thuis.", "en": "We are worried about safety in your home."},
    "zorgen_thuis_afgeschermd": {"nl": "De zorgen gaan over de veiligheid bij u thuis.", "en": "The worries are about safety in your home."},
    "zorgen_lijst": {"nl": "Dit zijn de zorgen:", "en": "These are the worries:"},
    "zorgen_onzeker_open": {
        "nl": "Wij weten niet zeker of het zo is. Daarom vragen wij Veilig Thuis om mee te kijken.",
        "en": "We do not know for sure. That is why we have asked Veilig Thuis to help.",
    },
    "zorgen_onzeker_afgeschermd": {
        "nl": "Niemand weet nog zeker of het zo is. Daarom kijkt Veilig Thuis mee.",
        "en": "Nobody knows yet if this is really so. That is why Veilig Thuis is looking into it.",
    },
    # Each kind of worry (zorgen.aardGeweld) in everyday words, as a possibility, never as a charge.
    "aard_lichamelijke_mishandeling": {"nl": "Misschien doet iemand thuis {kind} pijn.", "en": "Someone at home may be hurting {kind}."},
    "aard_psychische_mishandeling": {
        "nl": "Misschien wordt er thuis vaak tegen {kind} geschreeuwd of gescholden.",
        "en": "Someone at home may often shout at {kind} or call them names.",
    },
    "aard_seksueel_misbruik": {"nl": "Misschien doet iemand seksuele dingen met {kind}.", "en": "Someone may be doing sexual things with {kind}."},
    "aard_lichamelijke_verwaarlozing": {
        "nl": "Misschien is er thuis niet genoeg eten, slaap of zorg voor {kind}.",
        "en": "At home, {kind} may not get enough food, sleep or care.",
    },
    "aard_psychische_verwaarlozing": {
        "nl": "Misschien is er thuis te weinig aandacht en steun voor {kind}.",
        "en": "At home, {kind} may not get enough attention and support.",
    },
    "aard_getuige_huiselijk_geweld": {
        "nl": "Misschien is er thuis ruzie of geweld terwijl {kind} erbij {is}. Dat is slecht voor kinderen, ook als zij zelf geen pijn krijgen.",
        "en": "There may be fights or violence at home while {kind} {is} there. This harms children, even if they are not hurt themselves.",
    },
    "aard_partnergeweld": {
        "nl": "Misschien is er thuis geweld tussen volwassenen, zoals slaan, duwen of dreigen.",
        "en": "There may be violence between adults at home, such as hitting, pushing or threats.",
    },
    "aard_ex_partnergeweld": {
        "nl": "Misschien is er dreiging of geweld van een ex-partner.",
        "en": "An ex-partner may be making threats or using violence.",
    },
    "aard_geweld_tegen_ouders": {"nl": "Misschien gebruikt een kind geweld tegen een ouder.", "en": "A child may be using violence against a parent."},
    "aard_ouderenmishandeling": {
        "nl": "Misschien wordt een oudere slecht behandeld. Bijvoorbeeld met geweld, met geld of door te weinig zorg.",
        "en": "An older person may be treated badly. For example with violence, with money, or by not getting enough care.",
    },
    "aard_eergerelateerd_geweld": {
        "nl": "Misschien is er druk of geweld om de eer van de familie.",
        "en": "There may be pressure or violence to protect the family's honour.",
    },
    "aard_huwelijksdwang": {"nl": "Misschien moet iemand trouwen terwijl hij of zij dat niet wil.", "en": "Someone may be forced to marry."},
    "aard_achterlating": {
        "nl": "Misschien moet iemand in het buitenland blijven terwijl hij of zij dat niet wil.",
        "en": "Someone may be made to stay abroad against their will.",
    },
    "aard_vrouwelijke_genitale_verminking": {
        "nl": "Misschien loopt een meisje gevaar om besneden te worden.",
        "en": "A girl may be at risk of being cut (female genital mutilation).",
    },
    "aard_mensenhandel": {"nl": "Misschien wordt iemand gedwongen om te werken of om seks te hebben.", "en": "Someone may be forced to work or to have sex."},
    "aard_overig": {"nl": "Er zijn ook andere zorgen over de veiligheid thuis.", "en": "There are also other worries about safety at home."},
    "kind_een": {"nl": "uw kind", "en": "your child"},
    "kind_meer": {"nl": "uw kinderen", "en": "your children"},
    "kind_geen": {"nl": "een kind", "en": "a child"},
    "is_een": {"nl": "is", "en": "is"},
    "is_meer": {"nl": "zijn", "en": "are"},
    "ongeboren": {"nl": "uw kindje dat op komst is", "en": "your baby who is on the way"},
    # -- what was reported and why (open melding only) ------------------------------------------------------
    "kop_gemeld": {"nl": "Wat hebben wij gemeld, en waarom?", "en": "What did we report, and why?"},
    "gemeld": {
        "nl": "Wij hebben Veilig Thuis over deze zorgen verteld. En over wat wij zelf zagen en hoorden.",
        "en": "We told Veilig Thuis about these worries, and about what we saw and heard ourselves.",
    },
    "redenen": {"nl": "Wij hebben dit gedaan omdat:", "en": "We did this because:"},
    "reden_acuut": {"nl": "wij denken dat het nu niet veilig genoeg is", "en": "we think it is not safe enough right now"},
    "reden_structureel": {"nl": "de zorgen al langer duren of steeds terugkomen", "en": "the worries have lasted a long time or keep coming back"},
    "reden_hulp_niet_mogelijk": {"nl": "wij zelf niet de hulp kunnen geven die nodig is", "en": "we cannot give the help that is needed ourselves"},
    "reden_hulp_niet_aanvaard": {"nl": "de hulp die wij aanboden nog niet op gang is gekomen", "en": "the help we offered has not got going yet"},
    "reden_geen_resultaat": {"nl": "de hulp die er is het nog niet veilig genoeg maakt", "en": "the help so far has not made things safe enough"},
    "reden_meekijken": {"nl": "wij het belangrijk vinden dat Veilig Thuis meekijkt", "en": "we think it is important that Veilig Thuis takes a look"},
    "meldcode": {
        "nl": "Wij werken met de meldcode. Dat is een stappenplan voor mensen die met gezinnen werken en zich zorgen maken.",
        "en": "We follow the meldcode. This is a step-by-step plan for people who work with families and are worried.",
    },
    "gevraagd": {"nl": "Wij hebben Veilig Thuis gevraagd om:", "en": "We have asked Veilig Thuis to:"},
    "vraag_veiligheidsbeoordeling": {"nl": "te kijken of iedereen veilig genoeg is", "en": "check whether everyone is safe enough"},
    "vraag_eigen_onderzoek": {"nl": "zelf verder onderzoek te doen", "en": "look into the situation further"},
    "vraag_onderzoek_raad_voor_de_kinderbescherming": {
        "nl": "de Raad voor de Kinderbescherming om onderzoek te vragen",
        "en": "ask the Raad voor de Kinderbescherming (the Child Protection Board) to look into it",
    },
    "vraag_voorwaarden_en_vervolg": {"nl": "met u af te spreken wat er moet veranderen", "en": "agree with you what needs to change"},
    "vraag_overdracht_lokaal_team": {"nl": "te zorgen voor hulp bij u in de buurt", "en": "arrange help near where you live"},
    "vraag_overdracht_lopende_hulpverlening": {"nl": "samen te werken met de hulp die u al krijgt", "en": "work together with the help you already get"},
    "vraag_monitoring": {"nl": "later na te vragen hoe het gaat", "en": "ask later how things are going"},
    "vraag_registratie_radarfunctie": {
        "nl": "de melding te bewaren. Zo ziet Veilig Thuis of ook anderen zich zorgen maken",
        "en": "keep the report on file, so they can see if others are worried too",
    },
    "vraag_advies_aan_melder": {"nl": "ons advies te geven", "en": "give us advice"},
    "eigen_kijk": {"nl": "Wat u zelf vindt, staat ook in de melding.", "en": "Your own view is in the report too."},
    "eigen_verwachting": {"nl": "Wij hebben ook doorgegeven wat u van Veilig Thuis hoopt.", "en": "We also told Veilig Thuis what you hope they will do."},
    # -- what Veilig Thuis does next ----------------------------------------------------------------------
    "kop_vt": {"nl": "Wat doet Veilig Thuis nu?", "en": "What will Veilig Thuis do now?"},
    "vt_beoordeling": {
        "nl": "Veilig Thuis kijkt eerst of iedereen nu veilig genoeg is. Veilig Thuis begint daarmee binnen 5 werkdagen na de melding.",
        "en": "First, Veilig Thuis checks whether everyone is safe enough right now. They start this within 5 working days of the report.",
    },
    "vt_acuut": {
        "nl": "Wij maken ons zorgen over de veiligheid op dit moment. Dan kan Veilig Thuis sneller in actie komen.",
        "en": "We are worried about safety right now. Then Veilig Thuis can act sooner.",
    },
    "vt_besluit": {
        "nl": "Daarna besluit Veilig Thuis wat er nodig is. Dat kan een van deze dingen zijn:",
        "en": "Then Veilig Thuis decides what is needed. This can be one of these:",
    },
    "uitkomst_einde": {"nl": "Er is geen hulp van Veilig Thuis nodig. Dan stopt Veilig Thuis.", "en": "No help from Veilig Thuis is needed. Then they stop."},
    "uitkomst_lokaal_team": {
        "nl": "U krijgt hulp bij u in de buurt, bijvoorbeeld van het wijkteam.",
        "en": "You get help near where you live, for example from the local team.",
    },
    "uitkomst_lopende_hulp": {
        "nl": "De hulp die u al krijgt, gaat door. Veilig Thuis spreekt met hen af wat er nodig is.",
        "en": "The help you already get carries on. Veilig Thuis agrees with them what is needed.",
    },
    "uitkomst_voorwaarden": {
        "nl": "Veilig Thuis spreekt met u af wat er moet veranderen. Na een tijd kijkt Veilig Thuis of dat gelukt is.",
        "en": "Veilig Thuis agrees with you what needs to change. After a while they check if this has worked.",
    },
    "uitkomst_onderzoek": {
        "nl": "Veilig Thuis zoekt zelf verder uit wat er aan de hand is. Zij praten dan met u en met anderen.",
        "en": "Veilig Thuis looks into the situation further. They talk with you and with others.",
    },
    "uitkomst_raad": {
        "nl": "Veilig Thuis vraagt de Raad voor de Kinderbescherming om onderzoek. Dat gebeurt alleen bij grote zorgen over een kind.",
        "en": (
            "Veilig Thuis asks the Raad voor de Kinderbescherming (the Child Protection Board) to look into it. "
            "This only happens when there are big worries about a child."
        ),
    },
    "vt_geen_schuld": {
        "nl": "Veilig Thuis zoekt niet naar wie er schuld heeft. Zij willen weten wat de zorgen zijn. En wat er nodig is om het thuis veilig te maken.",
        "en": "Veilig Thuis is not looking for someone to blame. They want to know what the worries are, and what is needed to make home safe.",
    },
    # -- who will contact them ------------------------------------------------------------------------------
    "kop_contact": {"nl": "Wie neemt contact met u op?", "en": "Who will contact you?"},
    "contact_vt": {
        "nl": "Iemand van Veilig Thuis neemt contact met u op. Dat gaat meestal met een telefoontje of een brief.",
        "en": "Someone from Veilig Thuis will contact you. This is usually by phone or by letter.",
    },
    "contact_gesprek": {
        "nl": "Zij willen met u praten over de zorgen. U kunt dan vertellen hoe u het zelf ziet.",
        "en": "They want to talk with you about the worries. You can tell them how you see things.",
    },
    "contact_anderen_kinderen": {
        "nl": "Veilig Thuis praat misschien ook met {kind}. En met anderen die uw gezin kennen.",
        "en": "Veilig Thuis may also talk with {kind}, and with others who know your family.",
    },
    "contact_anderen": {"nl": "Veilig Thuis praat misschien ook met anderen die u kennen.", "en": "Veilig Thuis may also talk with others who know you."},
    # -- reading and responding -------------------------------------------------------------------------------
    "kop_inzage": {"nl": "U mag de melding lezen en erop reageren", "en": "You may read the report and respond to it"},
    "inzage": {
        "nl": "U mag Veilig Thuis vragen wat er over u en uw gezin is opgeschreven. U mag dat dan lezen. Dat geldt ook voor de melding.",
        "en": "You may ask Veilig Thuis what they have written down about you and your family. You may then read it. This includes the report.",
    },
    "correctie": {
        "nl": "Klopt er iets niet? Dan mag u vragen om het te verbeteren. U mag ook zelf opschrijven hoe u het ziet. Veilig Thuis bewaart dat bij de melding.",
        "en": "Is something wrong? Then you may ask them to correct it. You may also write down how you see things. Veilig Thuis keeps this with the report.",
    },
    # -- the melder's own role (open melding only) --------------------------------------------------------------
    "kop_wij": {"nl": "Wat doen wij nu?", "en": "What will we do now?"},
    "rol_hulp_continueren": {"nl": "Onze hulp aan u gaat gewoon door.", "en": "We will carry on helping you, as before."},
    "rol_betrokken_blijven_kinderen": {
        "nl": "Wij blijven er voor {kind}. Als Veilig Thuis dat vraagt, denken wij mee.",
        "en": "We will stay involved with {kind}. If Veilig Thuis asks, we will help them.",
    },
    "rol_betrokken_blijven": {
        "nl": "Wij blijven betrokken. Als Veilig Thuis dat vraagt, denken wij mee.",
        "en": "We will stay involved. If Veilig Thuis asks, we will help them.",
    },
    "rol_overdragen": {
        "nl": "Iemand anders neemt onze hulp over. Wij vertellen u wie dat wordt.",
        "en": "Someone else will take over our help. We will tell you who.",
    },
    "rol_geen_rol": {
        "nl": "Wij hebben hierna geen rol meer. Veilig Thuis neemt het over.",
        "en": "After this report we no longer have a role. Veilig Thuis takes over.",
    },
    "terugkoppeling": {
        "nl": "Veilig Thuis vertelt ons wat zij besluiten nadat zij hebben gekeken of iedereen veilig is.",
        "en": "When Veilig Thuis has checked whether everyone is safe, they tell us what they have decided.",
    },
    "vragen": {
        "nl": "Heeft u vragen over deze brief of over de melding? Bel dan {naam} op {telefoon}.",
        "en": "Do you have questions about this letter or the report? Please call {naam} on {telefoon}.",
    },
    "bereikbaar": {"nl": "Bereikbaar: {tijden}.", "en": "When to call: {tijden}."},
    "groet": {"nl": "Met vriendelijke groet,", "en": "Kind regards,"},
    # -- Veilig Thuis's own number -----------------------------------------------------------------------------
    "kop_bellen": {"nl": "Zelf Veilig Thuis bellen", "en": "Calling Veilig Thuis yourself"},
    "bellen": {
        "nl": "Wilt u zelf met Veilig Thuis praten? Bel 0800-2000. Dat is gratis. U kunt dag en nacht bellen, ook in het weekend.",
        "en": "Do you want to talk to Veilig Thuis yourself? Call 0800-2000. It is free. You can call day and night, also at weekends.",
    },
    "gevaar": {"nl": "Is er nu direct gevaar? Bel dan 112.", "en": "Is someone in danger right now? Call 112."},
    "voettekst": {
        "nl": "In deze brief staan persoonlijke gegevens. Bewaar hem op een veilige plek.",
        "en": "This letter contains personal details. Keep it in a safe place.",
    },
    # -- refusals (one line for the professional; {bestand} and {veld} are filled in) -------------------------------
    "weiger_advies": {
        "nl": "{bestand}: {veld}: geen brief voor de ouders: een adviesvraag is anoniem, het gezin weet er niet van",
        "en": "{bestand}: {veld}: no letter for the parents: an adviesvraag is anonymous, the family is not told about it",
    },
    "weiger_veiligheid": {
        "nl": "{bestand}: {veld}: geen brief voor de ouders: zij zijn om veiligheidsredenen niet over de melding ingelicht",
        "en": "{bestand}: {veld}: no letter for the parents: they were not told about the melding for safety reasons",
    },
    "weiger_contact": {
        "nl": (
            "{bestand}: {veld}: geen brief voor de ouders: zij zijn niet ingelicht omdat zij dan het contact zouden verbreken; "
            "licht u hen toch in, zet dan betrokkenheidOuders.geinformeerd op true"
        ),
        "en": (
            "{bestand}: {veld}: no letter for the parents: they were not told because they would break off contact; "
            "if you do tell them, set betrokkenheidOuders.geinformeerd to true"
        ),
    },
}
