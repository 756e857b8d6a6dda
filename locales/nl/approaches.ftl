## Samenspel — Nederlands: wijkaanpak, kompas, partijen, perspectieven, ambitie en doelen

## Navigatie
nav-approaches = Wijkaanpakken
municipality-nav-approaches = Wijkaanpakken
approach-nav = Onderdelen van de wijkaanpak
approach-nav-page = Projectpagina
approach-nav-kompas = Kompas
approach-nav-perspectives = Perspectieven
approach-nav-ambition = Ambitie en doelen
approach-nav-parties = Partijen
approach-nav-settings = Instellingen

## Algemeen
choice-none = Nog niet gekozen
change-someone = Iemand
progress-of = { $done } van { $total } afgerond
period-from = vanaf { $date }
period-until = tot en met { $date }
filter-apply = Filteren
filter-clear = Filters wissen
all-tracks = Alle sporen
all-parties = Alle partijen
all-statuses = Alle statussen
label-acting-for = Namens
contact-heading = Contact

## Overzicht van wijkaanpakken
approaches-title = Wijkaanpakken
approaches-intro = Hier staan de wijkaanpakken waar uw organisaties aan meedoen, met hun fase, status en voortgang.
approaches-none = Uw organisaties doen nog niet mee aan een wijkaanpak.
approaches-of = Wijkaanpakken van { $municipality }
approaches-list-intro = Dit zijn de wijkaanpakken van deze gemeente, met hun fase, status en voortgang. Open een wijkaanpak om de details te zien.
approaches-none-yet = Deze gemeente heeft nog geen wijkaanpak in Samenspel.
approaches-table-caption = Wijkaanpakken met hun gemeente, fase, status, voortgang en aantal partijen
approach-new = Nieuwe wijkaanpak starten
label-approach = Wijkaanpak
label-phase = Fase
label-status = Status
label-progress = Voortgang
label-parties = Partijen

## Status van een wijkaanpak
approach-status-active = Actief
approach-status-paused = Gepauzeerd
approach-status-stopped = Gestopt
approach-ended-together = Samen beëindigd
approach-ended-together-note = De partijen hebben samen besloten om te stoppen. Ook dat is een goede uitkomst van een samenwerking.

## Projectpagina
approach-of = Wijkaanpak van { $municipality }
label-contact-point = Aanspreekpunt
contact-point-none = Er is nog geen aanspreekpunt gekozen.
approach-municipal-role = Rol van de gemeente
label-steering-form = Sturingsvorm
label-director-role = Regierol van de gemeente
label-intensity = Intensiteit van de samenwerking
phase-current = Huidige fase
phase-result = Resultaat van deze fase: { $result }
approach-changes = Wat is er veranderd?
approach-changes-since = Sinds uw vorige bezoek op { $at }
approach-changes-first = Dit is uw eerste bezoek aan deze pagina. Hieronder ziet u de laatste wijzigingen.
approach-changes-none = Er zijn geen nieuwe wijzigingen.
approach-progress = Voortgang per fase
approach-open-kompas = Naar het kompas
approach-next = Nu aan de beurt
approach-next-none = Alle knooppunten van deze fase zijn afgerond of niet van toepassing.
approach-shared-ambition = Gedeelde ambitie
ambition-none = Er is nog geen gedeelde ambitie opgeschreven.
ambition-agreed-count = Akkoord met deze versie: { $agreed } van { $total } partijen
goals-count = Doelen: { $count }
goals-overdue-count = Streefdatum verstreken: { $count }
approach-open-ambition = Naar de ambitie en doelen
approach-parties = Partijen
subprojects = Deelprojecten
subproject-led-by = getrokken door { $party }
approach-open-parties = Naar de partijen en deelprojecten

## Sturingsvormen
steering-form-lawful = Rechtmatige overheid
steering-form-performing = Presterende overheid
steering-form-networking = Netwerkende overheid
steering-form-participating = Participerende overheid

## Regierollen van de gemeente
director-role-waiting = Afwachtend regisseur
director-role-integral = Integraal regisseur
director-role-process = Procesregisseur
director-role-steering = Sturend regisseur

## Intensiteit van de samenwerking
intensity-light = Licht: samen verkennen
intensity-project = Projectontwikkeling: rollen, fasering en financiering
intensity-formal = Vastgelegd in een overeenkomst

## Instellingen
approach-new-title = Nieuwe wijkaanpak
approach-new-intro = Start een wijkaanpak van { $municipality }. Daarna voegt u de partijen toe die meedoen.
approach-settings-title = Instellingen van { $name }
approach-settings-intro = Hier legt de gemeente de gegevens van de wijkaanpak vast. Alle partijen zien ze op de projectpagina.
label-approach-name = Naam van de wijkaanpak
hint-approach-name = Bijvoorbeeld de naam van de wijk of buurt, zoals Wijkaanpak Overvecht-Noord.
label-approach-description = Beschrijving
label-approach-areas = Wijken en buurten
approach-no-areas = Deze gemeente heeft nog geen wijken en buurten in Samenspel.
approach-no-areas-link = Wijken en buurten toevoegen
hint-intensity = Licht is samen verkennen. Bij projectontwikkeling verdeelt u rollen, fasering en financiering, en bij vastgelegd staan de afspraken in een overeenkomst. Maak bij elke intensiteit het gezamenlijke doel expliciet.
approach-create = Wijkaanpak aanmaken
approach-status-heading = Status van de wijkaanpak
approach-status-intro = Ligt het werk een tijd stil? Pauzeer dan de wijkaanpak. U kunt hem ook stoppen. Alles wat is vastgelegd, blijft bewaard.
label-status-reason = Reden
hint-status-reason = Verplicht als u de wijkaanpak pauzeert of stopt. Alle partijen zien de reden op de projectpagina.
label-ended-together = De partijen hebben samen besloten om te stoppen
hint-ended-together = Alleen van belang als u de wijkaanpak stopt. Vinkt u dit aan, dan staat er "Samen beëindigd" bij de wijkaanpak in plaats van "Gestopt".
approach-status-submit = Status wijzigen
approach-method-heading = Versie van de methode
approach-method-version = Methode: { $name }, versie { $version }
approach-method-newer = Er is een nieuwere versie van de methode. Als u overstapt, blijven de voortgang, notities en geschiedenis van alle knooppunten bewaard. Knooppunten die niet meer in de methode staan, ziet u apart in het kompas.
approach-method-move = Overstappen op de nieuwste versie
approach-method-current = Deze wijkaanpak gebruikt de nieuwste versie van de methode.

## Kompas
kompas-title = Kompas van { $name }
kompas-intro = Het kompas toont de methode als fasen en sporen. In elke cel staan de knooppunten: de onderdelen van het werk. Open een knooppunt om de aanpak te lezen en de status bij te werken.
kompas-total = Voortgang in totaal:
kompas-filter = Knooppunten filteren
kompas-caption = Knooppunten per fase (rijen) en spoor (kolommen), met hun status
kompas-by-track = Voortgang per spoor
kompas-phases = Knooppunten per fase
kompas-retired = Knooppunten die niet meer in de methode staan
kompas-retired-intro = Deze knooppunten staan niet meer in de versie van de methode die deze wijkaanpak gebruikt. Hun voortgang, notities en geschiedenis blijven bewaard.
kompas-back = Terug naar het kompas van { $name }
label-track = Spoor
label-party = Partij
node-lead-short = Trekker: { $party }
node-needs-open = Open hulpvragen: { $count }
node-sensitive = Politiek gevoelig

## Status van een knooppunt
node-status-not-started = Niet gestart
node-status-started = Gestart
node-status-paused = Gepauzeerd
node-status-completed = Afgerond
node-status-revised = Herzien
node-status-not-applicable = Niet van toepassing

## Knooppunt
node-in-phase = Fase: { $phase }
node-retired = Dit knooppunt staat niet meer in de versie van de methode die deze wijkaanpak gebruikt. De voortgang, notities en geschiedenis blijven bewaard, maar de status kan niet meer veranderen.
node-lead = { $party } is trekker van dit knooppunt.
node-method = Uit de methode
node-goal = Doel
node-approach = Aanpak
node-tips = Tips
node-party-kinds = Wie doen er mee?
node-wijkkompas = Wijkkompas, spoor { $letter }: { $name }
node-here = In deze wijkaanpak
node-move = Status wijzigen
label-new-status = Nieuwe status
label-status-note = Toelichting
hint-status-note = Niet verplicht. Bijvoorbeeld: wat is er besloten, of waarom ligt het werk stil?
node-move-submit = Status opslaan
node-parties = Trekker en betrokken partijen
label-lead = Trekker
label-involved = Betrokken partijen
node-involved-none = Er zijn nog geen partijen bij dit knooppunt betrokken.
node-needs = Wie heeft wie nodig?
node-needs-none = Er zijn bij dit knooppunt geen hulpvragen aan andere partijen.
node-need-line = { $from } heeft { $to } nodig
node-need-resolved = Opgelost
node-need-resolve = Markeren als opgelost
label-needs-party = Van welke partij heeft uw partij hulp nodig?
label-need-note = Waarvoor heeft u deze partij nodig?
node-need-add = Hulpvraag vastleggen
node-notes = Notities
label-note = Notitie
node-note-add = Notitie toevoegen
node-notes-none = Er zijn nog geen notities.
node-history = Geschiedenis van de status
node-history-none = De status is nog niet gewijzigd.
label-when = Wanneer
label-who = Wie
label-change = Wijziging

## Partijen en deelprojecten
parties-title = Partijen in { $name }
parties-intro = Deze organisaties werken samen in de wijkaanpak. Het projectteam, de deelprojectteams en de uitvoerders werken aan de knooppunten. De klankbordgroep en de adviseurs denken mee.
parties-caption = Partijen met hun rol, deelproject en periode
label-party-role = Rol
label-subproject = Deelproject
label-period = Periode
party-not-current = Nu niet actief
party-change = { $name } wijzigen
party-change-intro = Wijzig de rol, het deelproject of de periode van deze partij. Doet de partij niet meer mee? Vul dan een einddatum in. Wat de partij heeft bijgedragen, blijft bewaard.
party-add = Een partij toevoegen
party-add-submit = Partij toevoegen
subproject-none-chosen = Geen deelproject
label-until = Tot en met
hint-until = Laat dit leeg als de partij blijft meedoen. Na deze datum doet de partij niet meer mee, maar blijven haar bijdragen zichtbaar.
subprojects-intro = Een deelproject is een afgebakend deel van de wijkaanpak met een eigen trekker, bijvoorbeeld een warmtenet voor één buurt.
subprojects-none = Er zijn nog geen deelprojecten.
subproject-add = Een deelproject toevoegen
subproject-add-submit = Deelproject toevoegen
subproject-change = { $name } wijzigen
label-subproject-name = Naam van het deelproject
label-subproject-description = Beschrijving
label-subproject-lead = Trekker

## Rollen van partijen
party-role-project-team = Projectteam
party-role-sub-team = Deelprojectteam
party-role-sounding-board = Klankbordgroep
party-role-adviser = Adviseur
party-role-executor = Uitvoerder

## Perspectieven
perspectives-title = Perspectieven in { $name }
perspectives-intro = Elke partij kijkt op haar eigen manier naar de wijkaanpak. Hier ziet u naast elkaar in welke fase de partijen de wijkaanpak zien, aan welke sporen ze werken en wat ze volgend jaar willen doen. Een verschil is een goed begin van een gesprek.
perspectives-phase = In welke fase zijn we?
perspectives-phase-official = Volgens de instellingen van de wijkaanpak is de huidige fase: { $phase }.
perspectives-none = Nog geen partij heeft aangegeven in welke fase de wijkaanpak volgens haar is.
perspectives-phase-agree = De partijen die dit invulden, zien dezelfde fase.
perspectives-phase-differ = De partijen zien niet dezelfde fase. Bespreek samen waar u staat.
perspectives-tracks = Aan welke sporen werken de partijen?
perspectives-tracks-caption = Sporen en de partijen die eraan werken
perspectives-active = Werkt eraan
perspectives-not-active = Niet actief
perspectives-next-year = Plannen voor volgend jaar
perspectives-not-filled = Nog niet ingevuld.
perspectives-own = Het perspectief van uw partij
perspectives-choose-party = Deze partij kiezen
label-active-tracks = Sporen waaraan uw partij werkt
label-believed-phase = In welke fase is de wijkaanpak volgens uw partij?
label-next-year = Wat wil uw partij volgend jaar doen?
hint-next-year = Een paar zinnen is genoeg. Alle partijen in de wijkaanpak kunnen dit lezen.

## Ambitie
ambition-title = Ambitie en doelen van { $name }
ambition-intro = De gedeelde ambitie beschrijft in een paar zinnen waar de partijen samen naartoe werken. Elke partij geeft aan of zij het ermee eens is. Verandert de tekst, dan geeft elke partij opnieuw akkoord.
ambition-version = Versie { $version }
ambition-agreed = Akkoord
ambition-agreed-earlier = Akkoord met een eerdere versie
ambition-not-yet = Nog niet akkoord
ambition-agree = Mijn partij is akkoord met deze ambitie
ambition-write = De gedeelde ambitie opschrijven
ambition-edit = De gedeelde ambitie wijzigen
label-ambition = Gedeelde ambitie
hint-ambition = Beschrijf in een paar zinnen waar u samen naartoe werkt. Na een wijziging geven de partijen opnieuw akkoord.

## Doelen, wensen, belangen en verwachtingen
positions-heading = Doelen, wensen, belangen en verwachtingen
positions-intro = Elke partij zet hier haar eigen doelen, wensen, belangen en verwachtingen neer. Herkent uw partij zich in een punt van een andere partij? Deel het dan. Zo ziet iedereen waar de partijen elkaar vinden.
positions-none = Nog niets ingevuld.
positions-overlap = Gedeeld door meer partijen
positions-only = Alleen { $party }
position-kind-goals = Doelen
position-kind-wishes = Wensen
position-kind-interests = Belangen
position-kind-expectations = Verwachtingen
position-add = Een punt toevoegen voor uw partij
label-position-kind = Soort
label-position = Omschrijving
hint-position = Hoogstens 500 tekens. Schrijf het zo op dat de andere partijen het begrijpen.
position-add-submit = Toevoegen
position-remove = Verwijderen
position-share = Dit geldt ook voor ons
position-unshare = Dit geldt niet meer voor ons

## Doelen en voortgang
goals-heading = Gezamenlijke doelen
horizon-short = Korte termijn
horizon-middle = Middellange termijn
horizon-long = Lange termijn
goals-none = Voor deze termijn zijn nog geen doelen.
goal-achieved = Bereikt
goal-overdue = Streefdatum verstreken
label-indicator = Indicator
hint-indicator = Waaraan meet u het? Bijvoorbeeld: het aantal woningen dat van het aardgas af is.
label-target-value = Streefwaarde
label-target-date = Streefdatum
label-owner = Verantwoordelijke partij
label-latest-value = Laatste stand
goal-no-progress = Nog geen voortgang gemeld.
goal-updates = Voortgangsmeldingen: { $count }
goal-report = Voortgang melden voor { $goal }
label-goal-value = Huidige stand
label-goal-note = Toelichting
label-goal-achieved = Dit doel is bereikt
goal-report-submit = Voortgang opslaan
goal-add = Een doel toevoegen
label-horizon = Termijn
label-goal-title = Doel
goal-add-submit = Doel toevoegen
goal-edit = “{ $title }” wijzigen
goal-edit-title = Doel wijzigen: { $title }
goal-edit-intro = Pas het doel aan als het anders is afgesproken of verkeerd is ingevoerd. De gemelde voortgang blijft staan, en in het auditlog staat wat er veranderde.
goal-save = Doel opslaan
goal-remove-heading = Doel verwijderen
goal-remove-intro = Wordt dit doel niet meer nagestreefd, of is het per ongeluk toegevoegd? Verwijder het dan. Het verdwijnt uit de lijst, maar de voortgang blijft bewaard en u kunt het terugzetten.
goal-remove = Doel verwijderen
goals-removed = { $count ->
    [one] 1 verwijderd doel
   *[other] { $count } verwijderde doelen
}
goal-removed-on = verwijderd op { $date }
goal-restore = “{ $title }” terugzetten
confirm-remove-goal-title = Het doel “{ $title }” verwijderen?
confirm-remove-goal-what = Het doel verdwijnt uit de lijst van doelen. De gemelde voortgang blijft bewaard; onder “verwijderde doelen” kunt u het later terugzetten.

## Auditlog en wijzigingen
audit-approach-created = Wijkaanpak aangemaakt
audit-approach-updated = Gegevens van de wijkaanpak gewijzigd
audit-approach-status-changed = Status van de wijkaanpak gewijzigd
audit-approach-method-moved = Overgestapt op een nieuwe versie van de methode
audit-approach-party-added = Partij toegevoegd
audit-approach-party-changed = Rol of periode van een partij gewijzigd
audit-approach-subproject-added = Deelproject toegevoegd
audit-approach-subproject-changed = Deelproject gewijzigd
audit-approach-node-moved = Status van een knooppunt gewijzigd
audit-approach-node-parties = Trekker of betrokken partijen van een knooppunt gewijzigd
audit-approach-node-need = Hulpvraag bij een knooppunt vastgelegd of opgelost
change-need-resolved = Hulpvraag bij een knooppunt opgelost
change-need-asked = Hulp gevraagd bij een knooppunt
audit-approach-node-note = Notitie bij een knooppunt geplaatst
audit-approach-perspective-saved = Perspectief van een partij opgeslagen
audit-approach-position-changed = Doelen, wensen, belangen of verwachtingen gewijzigd
audit-approach-ambition-changed = Gedeelde ambitie gewijzigd
audit-approach-ambition-agreed = Akkoord gegeven op de gedeelde ambitie
audit-approach-goal-changed = Doel toegevoegd of voortgang gemeld
change-goal-progress = Voortgang van een doel gemeld
change-goal-added = Doel toegevoegd
change-goal-edited = Doel gewijzigd
change-goal-removed = Doel verwijderd
change-goal-restored = Doel teruggezet

## Meldingen na een actie
flash-approach-created = De wijkaanpak is aangemaakt. Voeg nu bij Partijen de organisaties toe die meedoen.
flash-approach-saved = De wijzigingen zijn opgeslagen.
flash-approach-status = De status van de wijkaanpak is gewijzigd.
flash-method-moved = De wijkaanpak gebruikt nu de nieuwste versie van de methode.
flash-node-moved = De status van het knooppunt is gewijzigd.
flash-node-parties = De trekker en de betrokken partijen zijn opgeslagen.
flash-need-added = De hulpvraag is vastgelegd.
flash-need-resolved = De hulpvraag staat nu als opgelost.
flash-note-added = De notitie is toegevoegd.
flash-party-added = De partij is toegevoegd.
flash-party-changed = De gegevens van de partij zijn gewijzigd.
flash-subproject-added = Het deelproject is toegevoegd.
flash-subproject-changed = Het deelproject is gewijzigd.
flash-perspective-saved = Het perspectief van uw partij is opgeslagen.
flash-ambition-saved = De gedeelde ambitie is opgeslagen. De partijen kunnen nu akkoord geven op de nieuwe tekst.
flash-ambition-agreed = Uw partij is akkoord met de gedeelde ambitie.
flash-position-added = Het punt is toegevoegd.
flash-position-removed = Het punt is verwijderd.
flash-position-removed-kept = Het punt staat niet meer in de positie van uw partij. De partijen die het deelden, houden het.
confirm-remove-position-title = Dit punt uit de positie van uw partij halen?
confirm-remove-position-what = “{ $body }” verdwijnt uit de positie van uw partij. Geen andere partij deelt dit punt, dus het is daarna helemaal weg.
confirm-remove-position-shared = “{ $body }” verdwijnt uit de positie van uw partij. { $parties } zei dat dit ook voor hen geldt: voor hen blijft het punt staan.
flash-position-shared = Uw partij deelt dit punt nu.
flash-position-unshared = Uw partij deelt dit punt niet meer.
flash-goal-added = Het doel is toegevoegd.
flash-goal-saved = Het doel is opgeslagen.
flash-goal-removed = Het doel is verwijderd. U vindt het onder “verwijderde doelen”.
flash-goal-restored = Het doel staat weer in de lijst.
flash-goal-progress = De voortgang is opgeslagen.

## Fouten
error-approach-name-required = Vul de naam van de wijkaanpak in.
error-approach-name-long = De naam mag hoogstens 150 tekens lang zijn. Maak hem korter.
error-approach-areas-required = Kies minstens één wijk of buurt waar de wijkaanpak over gaat.
error-approach-status-invalid = Kies een status uit de lijst.
error-approach-same-status = De wijkaanpak heeft deze status al. Kies een andere status.
error-status-reason-required = Geef een reden. Bij pauzeren of stoppen is die verplicht, zodat alle partijen weten waarom.
error-phase-invalid = Kies een fase uit de lijst.
error-intensity-invalid = Kies een intensiteit uit de lijst.
error-steering-form-invalid = Kies een sturingsvorm uit de lijst.
error-director-role-invalid = Kies een regierol uit de lijst.
error-contact-invalid = Kies een aanspreekpunt uit de lijst. Dat is altijd een medewerker van de gemeente.
error-phone-long = Het telefoonnummer mag hoogstens 40 tekens lang zijn.
error-method-current = Deze wijkaanpak gebruikt al de nieuwste versie van de methode. Overstappen is niet nodig.
error-party-organisation = Kies een partij uit de lijst.
error-party-role-invalid = Kies een rol uit de lijst.
error-subproject-unknown = Kies een deelproject uit de lijst.
error-subproject-name-required = Vul de naam van het deelproject in.
error-subproject-name-long = De naam van het deelproject mag hoogstens 150 tekens lang zijn. Maak hem korter.
error-node-status-invalid = Kies een status uit de lijst.
error-node-same-status = Het knooppunt heeft deze status al. Kies een andere status.
error-node-pause-not-started = Alleen werk dat al gestart is, kunt u pauzeren.
error-node-revise-not-completed = Alleen een afgerond knooppunt kunt u herzien.
error-node-completed-revise = Een afgerond knooppunt kunt u alleen herzien. Kies "Herzien" als u er opnieuw aan wilt werken.
error-node-move = Deze statuswijziging kan niet. Kies een van de statussen uit de lijst.
error-need-self = Een partij kan zichzelf niet nodig hebben. Kies een andere partij.
error-need-resolved = Deze hulpvraag is al opgelost. Vernieuw de pagina om de laatste stand te zien.
error-note-required = Vul de notitie in.
error-track-invalid = Kies de sporen uit de lijst.
error-ambition-required = Vul de gedeelde ambitie in.
error-ambition-changed = Iemand anders heeft de gedeelde ambitie intussen gewijzigd. Lees de nieuwe tekst en probeer het daarna opnieuw.
error-position-kind-invalid = Kies een soort uit de lijst: doelen, wensen, belangen of verwachtingen.
error-position-required = Vul de omschrijving in.
error-position-long = De omschrijving mag hoogstens 500 tekens lang zijn. Maak hem korter.
error-position-own = Dit punt is van uw eigen partij. U kunt alleen punten van andere partijen delen.
error-horizon-invalid = Kies een termijn uit de lijst.
error-goal-title-required = Vul het doel in.
error-goal-title-long = Het doel mag hoogstens 200 tekens lang zijn. Maak het korter.
error-goal-value-required = Vul de huidige stand in, bijvoorbeeld een aantal of een percentage.
error-goal-value-number = Deze indicator is een getal: vul de stand in als getal, bijvoorbeeld 120 of 45%.
error-goal-target-past = De streefdatum ligt in het verleden. Kies een datum vanaf vandaag.
error-text-control = De tekst bevat onzichtbare stuurtekens. Typ de tekst opnieuw, of plak hem zonder opmaak.
error-text-line-break = Dit veld is één regel. Haal de regeleinden weg.

## Een wijkaanpak verlaten
party-leave = Wijkaanpak verlaten namens { $party }
party-leave-intro = Doet uw organisatie niet meer mee? Dan kunt u de wijkaanpak verlaten. Vanaf vandaag is uw organisatie geen partij meer. Wat zij heeft bijgedragen, blijft zichtbaar. Alleen een beheerder van uw organisatie kan dit doen.
party-leave-title = { $party } uit de wijkaanpak laten gaan?
party-leave-what = Vanaf vandaag is { $party } geen partij meer in { $approach }. Wat uw organisatie heeft bijgedragen, blijft zichtbaar. Wie namens haar meedeed, kan de wijkaanpak daarna niet meer openen.
party-leave-confirm = Ja, { $party } doet vanaf vandaag niet meer mee aan deze wijkaanpak.
error-party-leave-confirm = Vink aan dat uw organisatie de wijkaanpak verlaat, of kies Annuleren.
flash-party-left = Uw organisatie doet niet meer mee aan de wijkaanpak. Wat zij heeft bijgedragen, blijft zichtbaar.
error-municipality-leave = De gemeente kan haar eigen wijkaanpak niet verlaten. Wilt u stoppen? Wijzig dan de status bij Instellingen.
error-party-leave-admin = Alleen een beheerder van uw organisatie kan de wijkaanpak namens haar verlaten.

## Aanvullingen
error-subproject-description-long = De omschrijving van het deelproject mag hoogstens 2000 tekens lang zijn. Maak hem korter.
error-ambition-long = De ambitie mag hoogstens 4000 tekens lang zijn. Maak hem korter.
error-goal-indicator-long = De indicator mag hoogstens 200 tekens lang zijn. Maak hem korter.
error-goal-target-value-long = De streefwaarde mag hoogstens 100 tekens lang zijn. Maak hem korter.
error-goal-value-long = De huidige stand mag hoogstens 100 tekens lang zijn. Maak hem korter.
error-goal-note-long = De toelichting bij de voortgang mag hoogstens 2000 tekens lang zijn. Maak hem korter.
error-approach-description-long = De beschrijving van de wijkaanpak mag hoogstens 4000 tekens lang zijn. Maak hem korter.
error-status-reason-long = De reden mag hoogstens 2000 tekens lang zijn. Maak hem korter.
error-node-status-note-long = De toelichting bij de status mag hoogstens 2000 tekens lang zijn. Maak hem korter.
error-need-note-long = De uitleg waarvoor u deze partij nodig heeft, mag hoogstens 1000 tekens lang zijn. Maak hem korter.
error-node-note-long = De notitie mag hoogstens 4000 tekens lang zijn. Maak hem korter.
error-next-year-long = Wat uw partij volgend jaar wil doen, mag hoogstens 2000 tekens lang zijn. Maak het korter.
label-party-since = Vanaf
node-current-status = Huidige status:
perspectives-save = Perspectief opslaan
error-party-exists = Deze organisatie is al partij in deze wijkaanpak. Wijzig haar rol of datums via de lijst van partijen.
error-party-left-rejoin = Deze partij is gestopt met de wijkaanpak. Wilt u dat zij weer meedoet? Voeg haar dan opnieuw toe onder “Een partij toevoegen”: haar beheerders krijgen de vraag of zij weer meedoet.
error-node-changed = Iemand anders heeft de status van dit knooppunt net gewijzigd. Bekijk de nieuwe status en probeer het opnieuw.
error-approach-changed = Iemand anders heeft de status van deze wijkaanpak net gewijzigd. Bekijk de nieuwe status en probeer het opnieuw.
