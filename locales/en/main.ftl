## Samenspel — English

## General
skip-to-content = Skip to content
nav-label = Main menu
nav-menu = Menu
nav-home = Home
nav-organisations = Organisations
nav-account = My account
nav-login = Log in
nav-register = Create account
nav-admin-users = Users
nav-admin-organisations = All organisations
nav-admin-audit = Audit log
switch-language = Nederlands
logout-as = Log out ({ $name })
footer-text = Samenspel: municipality and resident initiatives working together towards a natural-gas-free neighbourhood.
form-has-errors = Please check the form
save = Save
never = never
pagination = Pages
next-page = Next page

## Months
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Fields
label-email = Email address
label-password = Password
label-new-password = New password
label-current-password = Current password
label-name = Name
label-language = Language
label-org-name = Name of the organisation
label-org-kind = Kind of organisation
label-role = Role
label-members = Members
label-since = Member since
label-actions = Actions
label-organisations = Organisations
label-registered = Registered on
label-last-login = Last logged in
hint-password = At least 10 characters. A sentence of a few words is strong and easy to remember.

## Home
home-title = Working together towards a natural-gas-free neighbourhood
home-intro = Samenspel is the shared workspace of the municipality and the resident initiatives of a neighbourhood. Here you keep track of who takes part, what was discussed and decided, and which agreements apply.
home-intro-2 = Log in with your account, or create one to add your organisation or accept an invitation.
home-welcome = Welcome, { $name }
home-your-organisations = Your organisations
home-no-organisations = You are not a member of any organisation yet. Create one, or ask someone to invite you.

## Logging in and account
login-title = Log in
login-submit = Log in
login-forgot = Forgot your password?
login-no-account = No account yet? Create one.
register-title = Create account
register-submit = Create account
register-have-account = Already have an account? Log in.
register-closed = Creating your own account is switched off on this installation. Did you receive an invitation? Then use the link in that email.
forgot-title = Forgot your password
forgot-intro = Enter your email address. If it belongs to an account, we will send you a link to set a new password.
forgot-submit = Send me a link
forgot-sent = If this address belongs to an account, an email with a link is on its way. The link works once, for one hour.
reset-title = Set a new password
reset-submit = Save password
reset-invalid = This link no longer works: it has been used, has expired or is unknown.
reset-request-new = Request a new link
account-title = My account
account-email = You are logged in as { $email }.
account-profile = Name and language
account-password = Change password
account-change-password = Change password

## Organisations
org-list-title = My organisations
org-list-caption = Organisations you are a member of
org-new-title = Add an organisation
org-new-submit = Add organisation
org-kind-municipality = Municipality
org-kind-initiative = Resident initiative
org-kind-partner = Partner
org-kind-facilitator = Facilitator
org-kind-hint-municipality = The municipality that leads the neighbourhood approach.
org-kind-hint-initiative = Residents who organise themselves: an energy cooperative, neighbourhood association, district or village council, foundation or an informal group.
org-kind-hint-partner = For example a housing corporation, grid operator, heat company or advisory firm.
org-kind-hint-facilitator = A support organisation whose neighbourhood facilitators guide initiatives.
org-since = in Samenspel since { $date }
org-members = Members
org-members-caption = Current members with their role and since when
org-you = you
org-role-of = Role of { $name }
org-change-role = Change role
org-remove-member = Remove { $name }
org-leave = Leave this organisation
org-invite = Invite someone
org-invite-intro = The person receives an email with a link. With that link they create an account or log in, and become a member.
org-invite-submit = Send invitation
label-invite-language = Language of the invitation
hint-invite-language = The e-mail is written in this language first, with the other language below.
error-invite-language = Choose Dutch or English.
org-open-invitations = Open invitations
org-invitation-expires = valid until { $date }
org-revoke-invitation = Withdraw the invitation for { $email }
org-former-members = Former members
role-admin = Administrator
role-member = Member
ended-removed = removed
ended-left = left

## Invitations
invitation-title = Invitation
invitation-for = You have been invited to become a member of { $organisation }.
invitation-invited-by = Invited by
invitation-accept = Accept invitation
invitation-log-in-first = Log in or create an account with the email address the invitation was sent to. Then you can accept it.
invitation-register = Create account
invitation-login = I already have an account
invitation-unknown = We do not know this invitation. Check that you used the whole link.
invitation-used = This invitation has already been used.
invitation-revoked = This invitation has been withdrawn. Ask for a new one if you need it.
invitation-expired = This invitation has expired. Ask for a new one.
invitation-status-open = Open
invitation-status-accepted = Accepted
invitation-status-revoked = Withdrawn
invitation-status-expired = Expired
invitation-status-unknown = Unknown

## Administration
admin-users-title = Users
admin-users-caption = All users, by email address
admin-users-total = { $count } users in total
admin-platform-admin = platform administrator
admin-organisations-title = All organisations
admin-organisations-caption = All organisations, by name
admin-organisations-total = { $count } organisations in total
audit-title = Audit log
audit-caption = Events, newest first
audit-filter-who = Person
audit-filter-who-hint = The email address of whoever did something.
audit-filter-action = Kind of change
audit-filter-any = All kinds
audit-filter-from = From date
audit-filter-until = Up to and including date
audit-filter-submit = Filter
audit-filter-clear = Clear filters
audit-empty = No events match this filter.
audit-when = When
audit-who = Who
audit-what = What
audit-organisation = Organisation
audit-address = Address
audit-changes = Changes
audit-nobody = (nobody logged in)
audit-older = Older events
audit-user-registered = Account created
audit-user-registration-on-taken-address = Registration with an existing email address (owner mailed)
audit-user-login = Logged in
audit-user-login-failed = Login failed
audit-user-login-locked = Login refused: account temporarily locked
audit-user-login-throttled = Login refused: too many attempts from this address
audit-user-logout = Logged out
audit-user-profile-changed = Name or language changed
audit-user-password-changed = Password changed
audit-user-password-reset-requested = Password reset link requested
audit-user-password-reset = Password reset
audit-user-created-by-admin = Account created by an operator
audit-organisation-created = Organisation created
audit-invitation-created = Invitation sent
audit-invitation-revoked = Invitation withdrawn
audit-membership-joined = Became a member
audit-membership-role-changed = Role changed
audit-membership-removed = Member removed
audit-membership-left = Left the organisation
audit-security-csrf-rejected = Form refused: expired or invalid security token
audit-security-cross-site-refused = Request from another website refused

## Messages after an action
flash-saved = Your changes have been saved.
flash-logged-out = You have been logged out.
flash-password-reset = Your new password has been set. You can log in now.
flash-password-changed = Your password has been changed. You have been logged out on other devices.
flash-organisation-created = The organisation has been added. You are its administrator.
flash-invitation-sent = The invitation has been sent.
flash-invitation-revoked = The invitation has been withdrawn.
flash-invitation-accepted = Welcome! You are now a member.
flash-role-changed = The role has been changed.
flash-member-removed = The member has been removed. The membership stays visible among the former members.
flash-left = You have left the organisation.

## Errors
error-title = Something went wrong
error-home = Go to the home page
error-id = Error code: { $id }. Please mention this code if you contact us.
error-status = Status { $status }
error-not-found = This page does not exist, or you do not have access to it.
error-forbidden = You do not have access to this page or action.
error-unexpected = Something went wrong on our side. Please try again later.
error-bad-request = We cannot process this request. Please check the link or the form.
error-bad-form = The form did not arrive properly. Please try again.
error-too-large = What you sent is too large.
error-method = This action is not possible on this page.
error-timeout = That took too long. Please try again.
error-conflict = This conflicts with existing data. Reload the page and try again.
error-email-required = Enter an email address.
error-email-invalid = Enter a valid email address, such as name@example.org.
error-email-taken = An account with this email address already exists. Log in, or request a new password.
error-name-required = Enter a name.
error-name-too-long = A name can be at most 100 characters long.
error-name-invalid = This name contains characters that are not allowed.
error-password-required = Enter your password.
error-password-too-short = A password must be at least 10 characters long.
error-password-too-long = A password can be at most 256 characters long.
error-password-common = This password is too easy to guess. Choose something less obvious, such as a sentence of a few words.
error-current-password = Your current password is not correct.
error-login-failed = We do not recognise this combination of email address and password. After a few wrong attempts you can only try again after some minutes, or request a new password.
error-too-many-attempts = Too many attempts from your address. Wait a minute and try again.
error-language-invalid = Choose Nederlands or English.
error-org-kind-invalid = Choose the kind of organisation.
error-org-name-required = Enter the name of the organisation.
error-org-name-length = The name must be between 2 and 150 characters long.
error-org-name-invalid = This name contains characters that are not allowed.
error-role-invalid = Choose a role: administrator or member.
error-last-admin = An organisation always has at least one administrator. Make someone else administrator first.
error-already-member = This person is already a member of the organisation.
error-invitation-other-email = This invitation was sent to a different email address than your account's. Log in with the right account, or ask for an invitation to your address.
error-audit-unknown-person = There is no account with this email address.
error-audit-action = Choose a kind of change from the list.
error-date-invalid = Enter a date as yyyy-mm-dd, for example 2026-03-01.
error-date-out-of-range = Enter a date between 2000 and 2100.
error-period-order = The end date is before the start date.

## Expired form
csrf-title = Your form had expired
csrf-explanation = To protect you, we only accept a form that was opened on this site a short while ago. Please send it again from the form itself.
csrf-refilled = To protect you, we only accept a form that was opened on this site a short while ago. We have opened the form again and put back what you entered. Check it and send the form again.
csrf-typed = This is what you entered. Copy what you want to keep before you go on.
csrf-field = Field
csrf-back = Back to the form
csrf-other-site-title = Request from another website refused
csrf-other-site = This request did not come from a Samenspel page but from another website. To protect you, we did not carry it out and kept nothing of it. Did you mean to do something yourself? Open the page in Samenspel and try again there.
csrf-password-dropped = We never keep passwords; you will need to enter them again.

## Email
register-sent-title = Check your email
register-sent = We have sent an email to { $email }. Open the link in it within 24 hours to activate your account; only then can you log in.
register-sent-missing = Nothing arrived? Look in your spam folder too. After a few minutes you can register again; the newest link then counts.
register-confirm-title = Activate account
register-confirm-intro = You are activating the account of { $name } with the email address { $email }. You will be logged in afterwards.
register-confirm-submit = Activate account
register-confirm-gone = This link no longer works: it has been used already or is older than 24 hours. Register again, or log in if your account is already active.
register-confirm-exists = This email address already belongs to an account. Log in, or request a new password if you no longer know it.
mail-register-subject = Activate your Samenspel account
mail-register-body =
    Dear { $name },

    You created an account on Samenspel. Open this link to confirm that this email address is yours and to activate the account:

    { $link }

    The link works for 24 hours. Did you not register yourself? Then you can ignore this email; no account will be created.
mail-register-taken-subject = Someone tried to create an account with your email address
mail-register-taken-body =
    Dear { $name },

    Someone just tried to create a new Samenspel account with this email address. You already have one, so nothing has changed.

    Was it you? Then log in: { $login }
    Forgot your password? Request a new one: { $forgot }

    Was it not you? Then there is nothing you need to do.
mail-municipality-verified-subject = { $municipality } has been verified on Samenspel
mail-municipality-verified-body =
    Dear { $name },

    A Samenspel administrator has verified { $municipality }. You can now set its CBS code, fetch its areas, map initiatives and start a neighbourhood approach:

    { $link }
mail-municipality-rejected-subject = { $municipality } has not been verified on Samenspel
mail-municipality-rejected-body =
    Dear { $name },

    A Samenspel administrator has not verified { $municipality }. The reason:

    { $reason }

    There is more on the organisation's page: { $link }
mail-party-request-subject = { $municipality } asks { $organisation } to take part in a neighbourhood approach
mail-party-request-body =
    Dear { $name },

    { $municipality } asks { $organisation } to take part in the neighbourhood approach { $approach } on Samenspel. Your organisation only takes part once an administrator accepts; until then it sees nothing of the approach.

    Accept or decline on your organisation's page:

    { $link }
mail-facilitator-request-subject = { $municipality } asks { $organisation } to facilitate
mail-facilitator-request-body =
    Dear { $name },

    { $municipality } asks { $organisation } to work in the municipality as a facilitator on Samenspel. That only happens once an administrator accepts.

    Accept or decline on your organisation's page:

    { $link }
mail-reset-subject = New password for Samenspel
mail-reset-body =
    Dear { $name },

    A new password was requested for your Samenspel account. Set it with this link:

    { $link }

    The link works once, for one hour. Did you not ask for this? Then you can ignore this email; your password stays as it was.
mail-invitation-subject = Invitation to { $organisation } in Samenspel
mail-in-this-language = English
mail-invitation-body =
    Hello,

    { $inviter } invites you to become a member of { $organisation } in Samenspel, the workspace where a municipality and resident initiatives work together towards a natural-gas-free neighbourhood.

    Accept the invitation with this link (valid for two weeks):

    { $link }

## Areas
error-code-municipality = A municipality code is GM followed by four digits, such as GM0363.
error-code-district = A district code is WK followed by six digits, such as WK036301.
error-code-neighbourhood = A neighbourhood code is BU followed by eight digits, such as BU03630105.
error-area-kind = Choose district or neighbourhood.
error-area-name-required = Enter the name of the area.
error-area-name-invalid = An area's name is at most 120 characters and contains no control characters.
error-import-district-missing = This neighbourhood belongs to a district that is not in the file and does not exist yet.
error-import-other-municipality = This code belongs to another municipality.
error-import-no-code = This row has neither a district code nor a neighbourhood code.
error-import-wrong-district = The neighbourhood code does not match the district code on the same row.
error-import-unreadable = We cannot read this row.
error-import-columns = The file lacks the columns wijkcode or buurtcode (with wijknaam and buurtnaam).
error-import-not-feature-collection = This is not a GeoJSON FeatureCollection.
error-import-geometry-type = The outline must be a Polygon or MultiPolygon.
error-import-geometry-invalid = The outline is not valid: every ring must be closed, have at least four positions and be in longitude and latitude (WGS 84).
## Verifying municipalities
nav-admin-municipalities = Verify municipalities
admin-municipalities-title = Verify municipalities
admin-municipalities-intro = A municipality someone adds can only get a CBS code, manage areas, map initiatives and start neighbourhood approaches once you have checked that these people really work for that municipality. Check the email address and, where needed, contact the municipality itself.
admin-municipalities-pending = Waiting for verification
admin-municipalities-none = No municipalities are waiting for verification.
admin-municipalities-rejected = Rejected
admin-municipalities-added-by = Added by { $name } ({ $email })
admin-municipalities-verify = Verify { $name }
admin-municipalities-reject = Reject { $name }
label-reject-reason = Reason for rejecting
hint-reject-reason = The municipality’s administrators see this reason and get it by email.
error-reject-reason-required = Enter the reason for rejecting.
error-reject-reason-long = The reason is too long (2000 characters at most).
error-municipality-name-taken = A verified municipality with this name already exists. Do you work there? Then ask one of its administrators to invite you.
flash-municipality-pending = The municipality has been added. A Samenspel administrator will check that you work for it; until then you can only invite colleagues.
flash-municipality-verified = The municipality has been verified.
flash-municipality-rejected = The municipality has been rejected.
flash-verification-done = This municipality had already been decided on.
org-verification-pending = This municipality is waiting for verification by a Samenspel administrator. Until then it cannot get a CBS code, manage areas or initiatives, start a neighbourhood approach or invite other organisations. Inviting colleagues already works.
org-verification-rejected = A Samenspel administrator did not verify this municipality, for this reason:
audit-municipality-verified = Municipality verified
audit-municipality-rejected = Municipality rejected
## Requests to take part
error-party-requested = This organisation has been asked already and has not answered yet.
flash-party-requested = The request has been sent. The organisation takes part once one of its administrators accepts it.
flash-facilitator-requested = The request has been sent. The organisation works here once one of its administrators accepts it.
party-requested = Asked, no answer yet
party-requested-intro = These organisations only see the approach and get news from it once one of their administrators accepts the request.
party-add-consent = The organisation’s administrators get a request they accept or decline. If you administer the organisation yourself, it takes part at once.
requested-on = asked on { $date }
facilitators-requested = Asked, no answer yet
facilitators-add-consent = The facilitating organisation’s administrators get a request they accept or decline.
requests-title = Requests to take part
requests-intro = Your organisation only takes part, and only sees anything, once you accept a request.
request-party = { $municipality } asks your organisation to take part in the neighbourhood approach { $approach }.
request-party-role = Proposed role: { $role }.
request-facilitator = { $municipality } asks your organisation to work in the municipality as a facilitator. You will then see the municipality’s registry of initiatives.
request-accept = Accept
request-decline = Decline
flash-request-accepted = You have accepted the request.
flash-request-declined = You have declined the request.
flash-request-gone = This request has been answered already.
audit-approach-party-requested = Organisation asked to be a party
audit-municipality-facilitator-requested = Facilitator asked
audit-consent-accepted = Request to take part accepted
audit-consent-declined = Request to take part declined
## Managing people
admin-users-search = Search by name or email address
admin-users-search-submit = Search
admin-users-found =
    { $count ->
        [one] One user found
       *[other] { $count } users found
    }
admin-users-back = Back to all users
admin-person-status = Access
admin-person-active = Can log in
admin-person-locked = Locked for a while after wrong passwords
admin-person-blocked-since = Blocked since { $date }
admin-person-no-organisations = Not a member of any organisation.
admin-person-access = Manage access
admin-person-lift-intro = After too many wrong passwords this person cannot log in for a while. If you have made sure it was the person themselves, you can lift the lock.
admin-person-lift = Lift the lock
admin-person-end-intro = Logs this person out on every device, for instance after a lost phone. They can log in again straight away.
admin-person-end = Log out everywhere
admin-person-block-confirm = I understand that { $name } is logged out everywhere at once and cannot log in until the block is lifted.
admin-person-block = Block { $name }
admin-person-unblock = Lift the block on { $name }
error-block-confirm = Tick the box to confirm you understand what blocking does.
error-not-yourself = You cannot do this to your own account.
error-account-blocked = This account has been blocked by a Samenspel administrator. Contact them if you think this is a mistake.
flash-user-blocked = The account has been blocked and logged out everywhere.
flash-user-unblocked = The block has been lifted.
flash-user-sessions-ended = The person has been logged out everywhere.
flash-user-lockout-lifted = The lock has been lifted.
audit-user-blocked = Account blocked
audit-user-unblocked = Block lifted
audit-user-sessions-ended = Logged out everywhere by an administrator
audit-user-lockout-lifted = Lock lifted
## Managing organisations
admin-organisations-back = Back to all organisations
admin-organisation-page = The organisation’s page
admin-organisation-rename = Change the name
admin-organisation-rename-submit = Save name
admin-organisation-appoint = Appoint an administrator
admin-organisation-appoint-intro = This organisation has no administrator left. Appoint someone who has an account; they can then invite people and change roles themselves.
admin-organisation-appoint-submit = Appoint as administrator
admin-organisation-delete = Delete organisation
admin-organisation-delete-not = This organisation already takes part in the collaboration (areas, neighbourhood approaches, a profile or the logbook), so it cannot be deleted.
admin-organisation-delete-confirm = I understand that { $name } disappears for good, with its members and invitations.
admin-organisation-delete-submit = Delete { $name }
error-appoint-no-account = No account belongs to this email address. Ask the person to create an account first.
error-organisation-has-admin = This organisation has an administrator, who decides who else administers it.
error-organisation-holds-something = This organisation already takes part in the collaboration and cannot be deleted.
error-delete-confirm = Tick the box to confirm you understand that deleting is for good.
flash-organisation-renamed = The name has been changed.
flash-admin-appointed = The administrator has been appointed.
flash-organisation-deleted = The organisation has been deleted.
audit-organisation-renamed = Organisation renamed
audit-organisation-admin-appointed = Administrator appointed by the platform
audit-organisation-deleted = Organisation deleted
## Two-step login
two-factor-title = Two-step login
two-factor-intro = With a second step a stolen password is not enough: when you log in you also enter a code from an app on your phone.
two-factor-manage = Manage two-step login
two-factor-back = Back to my account
two-factor-off = Two-step login is off. You need an app that makes codes, such as an authenticator app or a password manager.
two-factor-start = Set up two-step login
two-factor-step-app = Open the authenticator app on your phone.
two-factor-step-scan = Scan the QR code, or type in the secret key.
two-factor-step-code = Enter the six-digit code the app shows now.
two-factor-qr-label = QR code to scan with your authenticator app
two-factor-secret = Secret key:
two-factor-confirm = Check the code and switch on
two-factor-enabled = Two-step login is on.
two-factor-codes-title = Your recovery codes
two-factor-codes-intro = Keep these codes somewhere safe, apart from your phone. Each code works once, for when you do not have the app at hand. You only see them now.
two-factor-on = Two-step login is on. After your password, Samenspel asks for a code from your app.
two-factor-codes-left = { $count ->
    [one] You have 1 recovery code left.
   *[other] You have { $count } recovery codes left.
}
two-factor-disable = Switch off two-step login
two-factor-disable-submit = Switch off
flash-two-factor-disabled = Two-step login is off.
label-login-code = Code
hint-login-code = The six digits from your authenticator app, or one of your recovery codes.
login-code-title = Enter your code
login-code-intro = Your password is right. Now enter the code your authenticator app shows.
login-code-submit = Log in
login-code-restart = Start logging in again
error-code-wrong = This code is not right. A code works once and only briefly; wait for the next one or use a recovery code.
flash-code-expired = Logging in took too long. Start again with your email address and password.
flash-code-too-many = Too many wrong codes. Start again with your email address and password.
audit-user-two-factor-started = Two-step login: setting up started
audit-user-two-factor-enabled = Two-step login switched on
audit-user-two-factor-disabled = Two-step login switched off
audit-user-login-code-failed = Wrong code when logging in
admin-person-two-factor-on = On
admin-person-two-factor-off = Off
admin-person-reset-intro = Has the phone with the authenticator app been lost and are the recovery codes used up? Then switch off two-step login, once you have made sure you are speaking with the person themselves.
admin-person-reset-confirm = I have made sure this request comes from { $name } themselves.
admin-person-reset = Switch off two-step login
admin-person-make-admin-intro = A platform administrator sees every user and organisation. That is only possible with two-step login.
admin-person-make-admin = Make { $name } a platform administrator
admin-person-unmake-admin = { $name } is no longer a platform administrator
error-reset-confirm = Tick the box to confirm the request comes from the person themselves.
error-admin-needs-two-factor = First switch on two-step login for this person (they do it themselves, under My account).
flash-user-two-factor-reset = Two-step login is off for this person.
flash-user-made-admin = The person is now a platform administrator.
flash-user-unmade-admin = The person is no longer a platform administrator.
audit-user-two-factor-reset = Two-step login switched off by an administrator
audit-user-made-admin = Made a platform administrator
audit-user-unmade-admin = No longer a platform administrator
org-two-factor-off = Members choose for themselves whether they use two-step login. You can require it of every member: whoever does not use it yet sets it up before going on.
org-two-factor-on = Two-step login is required of every member of this organisation.
org-two-factor-require = Require it of every member
org-two-factor-stop = Stop requiring it
flash-two-factor-required-by-org = Two-step login is now required of every member.
flash-two-factor-not-required-by-org = Two-step login is no longer required.
flash-two-factor-required = Two-step login is required for your account. Set it up first; then you can go on.
audit-organisation-two-factor-required = Two-step login required or no longer required

## Asking first, before something is removed or ended
confirm-remove-member-title = Remove { $name } from { $org }?
confirm-remove-member-what = { $name } will no longer be a member of { $org } and can no longer read along or take part. The membership stays in the history. If you want { $name } back later, invite them again.
confirm-leave-org-title = Leave { $org }?
confirm-leave-org-what = You will no longer be a member of { $org } and will no longer see what is for members only. You can only come back with a new invitation from an administrator.
confirm-calendar-revoke-title = Revoke this calendar link?
confirm-calendar-revoke-what = The link for { $name }, made on { $made }, will stop working: calendars subscribed to it get no more meetings. You can always make a new link.
confirm-remove-project-title = Remove the project “{ $title }”?
confirm-remove-project-what = The project disappears from your initiative's profile. This cannot be undone, but you can add it again.
confirm-remove-facilitator-title = Remove { $name } as a facilitator?
confirm-remove-facilitator-what = People of { $name } will no longer be able to keep this municipality's registry. You can add { $name } again later.
confirm-revoke-invitation-title = Revoke the invitation for { $email }?
confirm-revoke-invitation-what = The link in the invitation to { $email } will stop working. You can send a new invitation later.
