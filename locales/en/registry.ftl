## Samenspel — English: areas, initiative registry and profiles

## General
choose = Choose…
unknown = Unknown
yes = Yes
no = No
action-save = Save
action-cancel = Cancel
page-previous = Previous page
page-next = Next page
page-of = Page { $page } of { $pages }
nav-initiatives = Initiatives
nav-admin-areas = Import areas
org-profile-link = The initiative's profile
org-registries-link = Registries of the municipalities where you work

## Parts of a municipality
municipality-nav = Parts of the municipality
municipality-nav-areas = Districts and neighbourhoods
municipality-nav-registry = Initiatives
municipality-nav-facilitators = Facilitators

## Kinds of area
area-kind-district = District
area-kind-neighbourhood = Neighbourhood
area-kind-neighbourhood-in = Neighbourhood in { $district }
area-whole-district = { $name } (the whole district)
area-neighbourhoods-of = Neighbourhoods of { $district } ({ $count })
area-choices-folded = This municipality has many neighbourhoods. Choose a whole district, or open a district to choose one or more of its neighbourhoods.

## Districts and neighbourhoods
areas-title = Districts and neighbourhoods of { $municipality }
areas-code-is = CBS code { $code }
areas-counts = Districts: { $districts }
areas-neighbourhood-count = Neighbourhoods: { $count }
areas-none = No districts or neighbourhoods have been recorded for this municipality yet.
areas-none-manage = No districts or neighbourhoods have been recorded for this municipality yet. Set the municipality's CBS code below. Then import the districts and neighbourhoods from a CBS file, or add them one by one.
areas-map = Map
areas-map-hint = Areas where initiatives are active have a darker colour. The table below gives the same information.
areas-initiatives = Initiatives
areas-list = All districts and neighbourhoods
areas-listed-by-district = This municipality has many neighbourhoods. The table shows the districts first; open a district to see its neighbourhoods.
areas-show-neighbourhoods = Show the neighbourhoods of { $district } ({ $count })
areas-list-caption = Districts with their neighbourhoods, in order of CBS code, and the number of initiatives active in each
areas-manage = Manage districts and neighbourhoods
areas-save-code = Save municipality code
areas-import-link = Import districts and neighbourhoods from a CBS file
areas-add = Add a district or neighbourhood
areas-add-submit = Add area
areas-rename = Rename { $name }
label-area = Area
label-area-name = Name of the area
label-area-kind = Kind of area
label-cbs-code = CBS code
label-municipality-code = The municipality's CBS code
hint-municipality-code = GM and four digits, such as GM0363. You can find your municipality's code on cbs.nl.
hint-area-code = For a district: WK and six digits, such as WK036301. For a neighbourhood: BU and eight digits, such as BU03630105.

## Importing
import-title = Import districts and neighbourhoods for { $municipality }
import-national-title = Import the districts and neighbourhoods of the whole country
import-intro = Read the districts and neighbourhoods from a CBS or PDOK file. New areas are added, and changed names or outlines are updated. Areas that are not in the file stay as they are.
import-national-intro = Read a file with the districts and neighbourhoods of the whole country. Every municipality in Samenspel with a CBS code gets its own areas. Areas of municipalities that are not in Samenspel are skipped.
import-back = Back to the districts and neighbourhoods
label-import-file = File
hint-import-file = A CSV file (separated by semicolons or commas, with the columns gemeentecode, wijkcode, wijknaam, buurtcode and buurtnaam) or a GeoJSON FeatureCollection from CBS or PDOK. Importing the same file again changes nothing. If the file contains any error, nothing is imported and you see every row with an error.
import-submit = Import
import-done = The import succeeded
import-created = New areas: { $count }.
import-updated = Updated: { $count }.
import-unchanged = Unchanged: { $count }.
import-municipalities = Municipalities with areas read in: { $count }.
import-skipped = Skipped because the municipality is not in Samenspel or has no CBS code: { $count }.
import-failed = Nothing was imported
import-bad-rows = Rows with an error: { $count }. Correct them in the file, then import it again.
import-rows-caption = Rows that cannot be imported, with the reason
import-row = Row
import-problem = Problem
import-value = Value
import-more-rows = Not every error is in the table. Not shown yet: { $count }.

## Initiatives: overview
hub-title = Registries and initiatives
hub-registries = Registries you can open
hub-no-registries = You cannot open a municipality's registry yet. You can once you are a member of a municipality, or of a facilitator organisation that works in a municipality.
hub-own = Your initiatives
hub-no-own = You are not a member of a resident initiative yet.
hub-profile-of = Profile of { $name }

## A municipality's registry
registry-title = Resident initiatives in { $municipality }
registry-intro = These are the resident initiatives active in this municipality. Search by name or description, or filter by theme, area and more.
registry-search = Search initiatives
registry-search-label = Search by name or description
registry-search-submit = Search
registry-clear = Clear filters
registry-found = Initiatives found: { $count }
registry-export = Download this selection as a CSV file
registry-none = There are no initiatives in this registry yet.
registry-none-filtered = No initiatives match these search words and filters. Change them or clear the filters.
registry-since = Founded in { $year }
registry-by-area = Initiatives by area
registry-by-area-caption = Number of initiatives per district and neighbourhood
registry-map-hint = Areas where initiatives are active have a darker colour. Click an area to see only the initiatives there. The table below gives the same information.
registry-area-hint = At first the list holds only the districts. Choose a district and press Search: you can then also choose one of its neighbourhoods.
registry-by-area-closed = Choose a district to see the count for each of its neighbourhoods.
filter-any = All
filter-verified-yes = Checked
filter-verified-no = Not checked yet
label-theme = Theme
label-sort = Order
label-verified = Check

## Order
sort-name = Name (A to Z)
sort-newest = Most recently added first
sort-founded = Year founded (oldest first)
sort-members = Number of members (most first)

## Mapping an initiative
map-title = Map an initiative
map-intro = Add an initiative that does not have an account in Samenspel yet. Its profile will then say that your organisation mapped it. Later you can invite the initiative to take over the profile itself.
map-submit = Add the initiative to the registry

## An initiative's profile
profile-about = About the initiative
profile-status = Status of the profile
profile-in-registry = in the registry of { $municipality }
profile-public = public profile
profile-verified = Checked
profile-verified-by = Checked by { $name }
profile-not-verified = Not checked yet
profile-mapped-by = Mapped by { $name }
profile-unclaimed = Not yet taken over by the initiative
profile-verify = I have checked this profile
profile-verify-again = I have checked this profile again
profile-verify-elsewhere = Your organisation mapped this profile. Another organisation, such as the municipality, checks it.
profile-edit = Edit profile
profile-edit-title = Edit the profile of { $name }
profile-create = Fill in the profile
profile-none = This initiative does not have a profile yet.
profile-save = Save profile
profile-back-to-registry = Back to the registry of { $municipality }
profile-members = Members: { $count }
profile-members-link = Members and invitations of this organisation
profile-not-said = Not filled in.
profile-no-areas = No districts or neighbourhoods chosen yet.
profile-contact = Contact
profile-municipality = The municipality's registry
profile-show-areas = Show the districts and neighbourhoods
profile-areas-choose-municipality = First choose a municipality above and show its districts and neighbourhoods. Then you can tick them here.
profile-areas-none = This municipality has no districts or neighbourhoods in Samenspel yet.
profile-track-record = Earlier projects
profile-no-projects = No earlier projects have been recorded yet.
profile-add-project = Add an earlier project
profile-add-project-submit = Add project
profile-remove-project = Remove { $title }
profile-claim = Let the initiative take over the profile
profile-claim-intro = Send the initiative's contact person an invitation by email. Whoever accepts it becomes the initiative's administrator and from then on manages the profile themselves.
profile-claim-submit = Send invitation
people-volunteers = Volunteers
people-paid = Paid staff
people-both = Volunteers and paid staff

## Profile fields
label-initiative-name = Name of the initiative
label-description = Description
hint-description = What does the initiative do, for whom and where? A few sentences are enough.
label-themes = Themes
label-character = Way of working
label-legal-form = Legal form
label-people = Who does the work?
label-volunteers = Volunteers
label-paid-staff = Paid staff
label-member-count = Number of members
hint-member-count = An estimate is good enough. If you do not know, leave it empty.
label-founded = Year founded
hint-founded = The year the initiative started, for example 2015.
label-core-roles = Roles in the core team
label-does-not-do = What the initiative does not do
hint-does-not-do = What does the initiative deliberately not do? For example: it does not sell installations, or does not advise individual households.
label-support = Support asked for
label-support-note = More about the support
label-contact-name = Name of the contact person
label-contact-email = Email address of the contact person
label-contact-phone = Phone number
label-website = Website
label-areas = Districts and neighbourhoods where the initiative is active
label-municipality = Municipality
hint-municipality = The initiative is listed in this municipality's registry. Staff of the municipality and the facilitators who work there can then see the profile.
label-public = Make the profile public
hint-public = Anyone can see a public profile, also without an account. This includes the contact details.
label-project-year = Year
label-project-title = Name of the project
label-project-result = Result
hint-project-result = What did it achieve? For example: 120 solar panels, or 40 households that took part.

## Themes
theme-heat = Heat
theme-solar = Solar energy
theme-wind = Wind energy
theme-saving = Energy saving
theme-mobility = Mobility
theme-greenery = Greenery
theme-care = Care
theme-sport = Sport
theme-culture = Culture
theme-social = Neighbourhood life and meeting people

## Legal forms
legal-form-none = No legal form (informal group)
legal-form-association = Association
legal-form-cooperative = Cooperative
legal-form-foundation = Foundation
legal-form-owners-association = Owners' association (VvE)
legal-form-company = Company (bv)
legal-form-other = Other legal form

## Way of working
character-technical = Develops a technical solution itself
character-participation = Mainly brings residents together
character-both = Develops a technical solution and brings residents together

## Roles in the core team
core-role-entrepreneurs = Entrepreneurs
core-role-connectors = Connectors
core-role-technical = Technical experts
core-role-communicators = Communicators
core-role-organisers = Organisers
core-role-finance = Financial experts

## Support
support-knowledge = Knowledge
support-budget = Budget
support-capacity = People and time
support-premises = A room or venue
support-contacts = Contacts and network
support-communication = Help with communication
support-process = Process guidance

## Facilitators in a municipality
facilitators-title = Facilitators in { $municipality }
facilitators-intro = Facilitator organisations that work in this municipality can see the registry and the districts and neighbourhoods. Their neighbourhood facilitators can map initiatives and check profiles. The municipality's administrators add facilitators or remove them.
facilitators-none = No facilitator organisations work in this municipality yet.
facilitators-none-available = There is no facilitator organisation left to add: they already work here, or there are none in Samenspel yet.
facilitators-add = Add a facilitator organisation
facilitators-add-submit = Add
facilitators-remove = Remove { $name }
label-facilitator = Facilitator organisation

## Columns of the CSV export
csv-name = Name
csv-description = Description
csv-themes = Themes
csv-character = Way of working
csv-legal-form = Legal form
csv-volunteers = Volunteers
csv-paid-staff = Paid staff
csv-members = Number of members
csv-core-roles = Roles in core team
csv-support = Support asked for
csv-support-note = More about the support
csv-does-not-do = Does not do
csv-contact-name = Contact person
csv-contact-email = Contact email
csv-contact-phone = Contact phone
csv-website = Website
csv-founded = Year founded
csv-areas = Areas (CBS codes)
csv-verified = Checked on
csv-public = Public
csv-claimed = Taken over by the initiative

## Audit log
audit-municipality-code-set = Municipality's CBS code set
audit-municipality-facilitator-added = Facilitator organisation added to municipality
audit-municipality-facilitator-removed = Facilitator organisation removed from municipality
audit-area-created = Area added
audit-area-renamed = Area renamed
audit-areas-imported = Areas imported
audit-initiative-mapped = Initiative mapped
audit-initiative-profile-created = Initiative profile created
audit-initiative-profile-updated = Initiative profile changed
audit-initiative-verified = Initiative profile checked
audit-initiative-project-added = Earlier project added
audit-initiative-project-removed = Earlier project removed

## Messages after an action
flash-code-saved = The municipality's CBS code has been saved.
flash-area-added = The area has been added.
flash-area-renamed = The area's name has been changed.
flash-facilitator-added = The facilitator organisation has been added.
flash-facilitator-removed = The facilitator organisation has been removed.
flash-initiative-mapped = The initiative is now in the registry.
flash-profile-saved = The profile has been saved.
flash-profile-verified = The profile is now marked as checked.
flash-claim-invited = The invitation has been sent. Whoever accepts it becomes the initiative's administrator.
flash-project-added = The project has been added.
flash-project-removed = The project has been removed.

## Errors
error-code-first = First set the municipality's CBS code: GM and four digits. You do this on the page with the districts and neighbourhoods.
error-code-has-areas = This code can no longer change, because there are already districts and neighbourhoods with the current code.
error-code-taken = Another municipality in Samenspel already has this code. Check the code on cbs.nl.
error-area-code-required = Enter the CBS code of the district or neighbourhood.
error-area-code-kind = A code starts with WK for a district or BU for a neighbourhood.
error-area-code-taken = This municipality already has an area with this code. Do you want to change its name? Then rename that area.
error-area-unknown = One of the chosen areas does not belong to this municipality. Choose the districts and neighbourhoods from the list.
error-areas-choose-again = You chose another municipality. Choose the districts and neighbourhoods again, from that municipality's list.
error-import-no-file = Choose a file to import. An empty file will not do.
error-import-encoding = The file is not UTF-8 text. Save it as CSV UTF-8 or as GeoJSON and try again.
error-import-too-large = The file is larger than 64 MB. Use a smaller file, for example with fewer municipalities.
error-import-unreadable-upload = The file did not arrive properly. Please try again.
error-municipality-required = Choose a municipality from the list. The initiative is listed in that municipality's registry.
error-description-long = The description can be at most 2000 characters long. Please shorten it.
error-support-note-long = The note on support can be at most 1000 characters long. Please shorten it.
error-does-not-do-long = What the initiative does not do can be at most 1000 characters long. Please shorten it.
error-theme-invalid = Choose the themes from the list.
error-themes-required = Choose at least one theme.
error-legal-form-invalid = Choose a legal form from the list.
error-character-invalid = Choose a way of working from the list.
error-core-role-invalid = Choose the roles from the list.
error-support-invalid = Choose the support from the list.
error-member-count = Enter a whole number from 0 to 1,000,000, or leave it empty.
error-founded-invalid = Enter a year between 1800 and this year, for example 2015.
error-contact-name = The contact person's name can be at most 100 characters long.
error-phone-invalid = Enter a phone number of 6 to 20 digits. Spaces, +, - and brackets are allowed too.
error-website-invalid = Enter a full web address, for example https://www.example.org.
error-facilitator-choose = Choose a facilitator organisation from the list.
error-profile-first = Save the profile first. Then you can add earlier projects.
error-project-year = Enter a year from 1900 up to five years after this year, for example 2019.
error-project-title-required = Enter the name of the project.
error-project-title-long = The name of the project can be at most 200 characters long.
error-project-result-long = The result can be at most 500 characters long.
map-attribution-kadaster = Map data © Kadaster
