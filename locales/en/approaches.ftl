## Samenspel — English: approaches, kompas, parties, perspectives, ambition and goals

## Navigation
nav-approaches = Approaches
municipality-nav-approaches = Approaches
approach-nav = Parts of the approach
approach-nav-page = Project page
approach-nav-kompas = Compass
approach-nav-perspectives = Perspectives
approach-nav-ambition = Ambition and goals
approach-nav-parties = Parties
approach-nav-settings = Settings

## General
choice-none = Not chosen yet
change-someone = Someone
progress-of = { $done } of { $total } completed
period-from = from { $date }
period-until = until { $date }
filter-apply = Filter
filter-clear = Clear filters
all-tracks = All tracks
all-parties = All parties
all-statuses = All statuses
label-acting-for = On behalf of
contact-heading = Contact

## List of approaches
approaches-title = Approaches
approaches-intro = These are the approaches your organisations take part in, with their phase, status and progress.
approaches-none = Your organisations do not take part in an approach yet.
approaches-of = Approaches of { $municipality }
approaches-list-intro = These are this municipality's approaches, with their phase, status and progress. Open an approach to see the details.
approaches-none-yet = This municipality has no approach in Samenspel yet.
approaches-table-caption = Approaches with their municipality, phase, status, progress and number of parties
approach-new = Start a new approach
label-approach = Approach
label-phase = Phase
label-status = Status
label-progress = Progress
label-parties = Parties

## Status of an approach
approach-status-active = Active
approach-status-paused = Paused
approach-status-stopped = Stopped
approach-ended-together = Ended together
approach-ended-together-note = The parties decided together to stop. That too is a legitimate outcome of a collaboration.

## Project page
approach-of = Approach of { $municipality }
label-contact-point = Contact point
contact-point-none = No contact point has been chosen yet.
approach-municipal-role = The municipality's role
label-steering-form = Form of steering
label-director-role = The municipality's director role
label-intensity = Intensity of the partnership
phase-current = Current phase
phase-result = Result of this phase: { $result }
approach-changes = What has changed?
approach-changes-since = Since your last visit on { $at }
approach-changes-first = This is your first visit to this page. Below are the latest changes.
approach-changes-none = There are no new changes.
approach-progress = Progress by phase
approach-open-kompas = Go to the compass
approach-next = Up next
approach-next-none = All nodes of this phase are completed or not applicable.
approach-shared-ambition = Shared ambition
ambition-none = No shared ambition has been written yet.
ambition-agreed-count = Agreed to this version: { $agreed } of { $total } parties
goals-count = Goals: { $count }
goals-overdue-count = Past target date: { $count }
approach-open-ambition = Go to the ambition and goals
approach-parties = Parties
subprojects = Sub-projects
subproject-led-by = led by { $party }
approach-open-parties = Go to the parties and sub-projects

## Forms of steering
steering-form-lawful = Lawful government
steering-form-performing = Performing government
steering-form-networking = Networking government
steering-form-participating = Participating government

## The municipality's director roles
director-role-waiting = Waiting director
director-role-integral = Integral director
director-role-process = Process director
director-role-steering = Steering director

## Intensity of the partnership
intensity-light = Light: exploring together
intensity-project = Project development: roles, phasing and funding
intensity-formal = Formalised in an agreement

## Settings
approach-new-title = New approach
approach-new-intro = Start an approach of { $municipality }. After that, you add the parties that take part.
approach-settings-title = Settings of { $name }
approach-settings-intro = Here the municipality records the details of the approach. All parties see them on the project page.
label-approach-name = Name of the approach
hint-approach-name = For example the name of the district or neighbourhood, such as Overvecht-Noord approach.
label-approach-description = Description
label-approach-areas = Districts and neighbourhoods
approach-no-areas = This municipality has no districts or neighbourhoods in Samenspel yet.
approach-no-areas-link = Add districts and neighbourhoods
hint-intensity = Light means exploring together. In project development you divide roles, phasing and funding, and when formalised the agreements are set down in a contract. Whatever the intensity, make the shared goal explicit.
approach-create = Create approach
approach-status-heading = Status of the approach
approach-status-intro = Is the work on hold for a while? Then pause the approach. You can also stop it. Everything that has been recorded is kept.
label-status-reason = Reason
hint-status-reason = Required when you pause or stop the approach. All parties see the reason on the project page.
label-ended-together = The parties decided together to stop
hint-ended-together = Only relevant when you stop the approach. If you tick this, the approach shows "Ended together" instead of "Stopped".
approach-status-submit = Change status
approach-method-heading = Version of the method
approach-method-version = Method: { $name }, version { $version }
approach-method-newer = There is a newer version of the method. If you move to it, the progress, notes and history of all nodes are kept. Nodes that are no longer in the method are shown separately in the compass.
approach-method-move = Move to the newest version
approach-method-current = This approach uses the newest version of the method.

## Kompas
kompas-title = Compass of { $name }
kompas-intro = The compass shows the method as phases and tracks. Each cell holds the nodes: the parts of the work. Open a node to read how to go about it and to update its status.
kompas-total = Overall progress:
kompas-filter = Filter nodes
kompas-caption = Nodes by phase (rows) and track (columns), with their status
kompas-by-track = Progress by track
kompas-phases = Nodes by phase
kompas-retired = Nodes that are no longer in the method
kompas-retired-intro = These nodes are no longer in the version of the method this approach uses. Their progress, notes and history are kept.
kompas-back = Back to the compass of { $name }
label-track = Track
label-party = Party
node-lead-short = Lead: { $party }
node-needs-open = Open requests for help: { $count }
node-sensitive = Politically sensitive

## Status of a node
node-status-not-started = Not started
node-status-started = Started
node-status-paused = Paused
node-status-completed = Completed
node-status-revised = Revised
node-status-not-applicable = Not applicable

## Node
node-in-phase = Phase: { $phase }
node-retired = This node is no longer in the version of the method this approach uses. Its progress, notes and history are kept, but its status can no longer change.
node-lead = { $party } leads this node.
node-method = From the method
node-goal = Goal
node-approach = How to go about it
node-tips = Tips
node-party-kinds = Who takes part?
node-wijkkompas = Wijkkompas, track { $letter }: { $name }
node-here = In this approach
node-move = Change status
label-new-status = New status
label-status-note = Explanation
hint-status-note = Optional. For example: what was decided, or why the work is on hold?
node-move-submit = Save status
node-parties = Lead and involved parties
label-lead = Lead party
label-involved = Involved parties
node-involved-none = No parties are involved in this node yet.
node-needs = Who needs whom?
node-needs-none = There are no requests for help to other parties at this node.
node-need-line = { $from } needs { $to }
node-need-resolved = Resolved
node-need-resolve = Mark as resolved
label-needs-party = Which party does your party need help from?
label-need-note = What do you need this party for?
node-need-add = Record request for help
node-notes = Notes
label-note = Note
node-note-add = Add note
node-notes-none = There are no notes yet.
node-history = Status history
node-history-none = The status has not changed yet.
label-when = When
label-who = Who
label-change = Change

## Parties and sub-projects
parties-title = Parties in { $name }
parties-intro = These organisations work together in the approach. The project team, the sub-teams and the implementing parties work on the nodes. The sounding board and the advisers think along.
parties-caption = Parties with their role, sub-project and period
label-party-role = Role
label-subproject = Sub-project
label-period = Period
party-not-current = Not active now
party-change = Change { $name }
party-change-intro = Change this party's role, sub-project or period. Is the party no longer taking part? Then fill in an end date. What the party contributed is kept.
party-add = Add a party
party-add-submit = Add party
subproject-none-chosen = No sub-project
label-until = Until (inclusive)
hint-until = Leave this empty if the party keeps taking part. After this date the party no longer takes part, but its contributions stay visible.
subprojects-intro = A sub-project is a defined part of the approach with its own lead party, for example a heat network for one neighbourhood.
subprojects-none = There are no sub-projects yet.
subproject-add = Add a sub-project
subproject-add-submit = Add sub-project
subproject-change = Change { $name }
label-subproject-name = Name of the sub-project
label-subproject-description = Description
label-subproject-lead = Lead party

## Roles of parties
party-role-project-team = Project team
party-role-sub-team = Sub-team
party-role-sounding-board = Sounding board
party-role-adviser = Adviser
party-role-executor = Implementing party

## Perspectives
perspectives-title = Perspectives in { $name }
perspectives-intro = Each party looks at the approach in its own way. Here you see side by side which phase the parties think the approach is in, which tracks they work on and what they want to do next year. A difference is a good start for a conversation.
perspectives-phase = Which phase are we in?
perspectives-phase-official = According to the approach's settings, the current phase is: { $phase }.
perspectives-none = No party has said yet which phase it thinks the approach is in.
perspectives-phase-agree = The parties that filled this in see the same phase.
perspectives-phase-differ = The parties do not see the same phase. Discuss together where you stand.
perspectives-tracks = Which tracks do the parties work on?
perspectives-tracks-caption = Tracks and the parties that work on them
perspectives-active = Working on it
perspectives-not-active = Not active
perspectives-next-year = Plans for next year
perspectives-not-filled = Not filled in yet.
perspectives-own = Your party's perspective
perspectives-choose-party = Choose this party
label-active-tracks = Tracks your party works on
label-believed-phase = Which phase is the approach in, according to your party?
label-next-year = What does your party want to do next year?
hint-next-year = A few sentences are enough. All parties in the approach can read this.

## Ambition
ambition-title = Ambition and goals of { $name }
ambition-intro = The shared ambition describes in a few sentences what the parties are working towards together. Each party says whether it agrees. If the text changes, each party agrees again.
ambition-version = Version { $version }
ambition-agreed = Agreed
ambition-agreed-earlier = Agreed to an earlier version
ambition-not-yet = Not agreed yet
ambition-agree = My party agrees with this ambition
ambition-write = Write the shared ambition
ambition-edit = Change the shared ambition
label-ambition = Shared ambition
hint-ambition = Describe in a few sentences what you are working towards together. After a change, the parties agree again.

## Goals, wishes, interests and expectations
positions-heading = Goals, wishes, interests and expectations
positions-intro = Each party sets out its own goals, wishes, interests and expectations here. Does your party recognise itself in another party's item? Then share it. That way everyone sees where the parties meet.
positions-none = Nothing filled in yet.
positions-overlap = Shared by more than one party
positions-only = Only { $party }
position-kind-goals = Goals
position-kind-wishes = Wishes
position-kind-interests = Interests
position-kind-expectations = Expectations
position-add = Add an item for your party
label-position-kind = Kind
label-position = Description
hint-position = At most 500 characters. Write it so that the other parties understand it.
position-add-submit = Add
position-remove = Remove
position-share = This applies to us too
position-unshare = This no longer applies to us

## Goals and progress
goals-heading = Shared goals
horizon-short = Short term
horizon-middle = Medium term
horizon-long = Long term
goals-none = There are no goals for this term yet.
goal-achieved = Achieved
goal-overdue = Past target date
label-indicator = Indicator
hint-indicator = How do you measure it? For example: the number of homes that are off natural gas.
label-target-value = Target value
label-target-date = Target date
label-owner = Responsible party
label-latest-value = Latest value
goal-no-progress = No progress reported yet.
goal-updates = Progress updates: { $count }
goal-report = Report progress on { $goal }
label-goal-value = Current value
label-goal-note = Explanation
label-goal-achieved = This goal has been achieved
goal-report-submit = Save progress
goal-add = Add a goal
label-horizon = Term
label-goal-title = Goal
goal-add-submit = Add goal
goal-edit = Change “{ $title }”
goal-edit-title = Change goal: { $title }
goal-edit-intro = Change the goal when it was agreed differently or entered by mistake. The progress reported stays, and the audit log records what changed.
goal-save = Save goal
goal-remove-heading = Remove goal
goal-remove-intro = Is this goal no longer pursued, or was it added by mistake? Then remove it. It leaves the list, but its progress is kept and you can put it back.
goal-remove = Remove goal
goals-removed = { $count ->
    [one] 1 removed goal
   *[other] { $count } removed goals
}
goal-removed-on = removed on { $date }
goal-restore = Put “{ $title }” back
confirm-remove-goal-title = Remove the goal “{ $title }”?
confirm-remove-goal-what = The goal leaves the list of goals. The progress reported is kept; under “removed goals” you can put it back later.

## Audit log and changes
audit-approach-created = Approach created
audit-approach-updated = Approach details changed
audit-approach-status-changed = Approach status changed
audit-approach-method-moved = Moved to a new version of the method
audit-approach-party-added = Party added
audit-approach-party-changed = Party's role or period changed
audit-approach-subproject-added = Sub-project added
audit-approach-subproject-changed = Sub-project changed
audit-approach-node-moved = Node status changed
audit-approach-node-parties = Lead or involved parties of a node changed
audit-approach-node-need = Request for help on a node recorded or resolved
change-need-resolved = Request for help on a node resolved
change-need-asked = Help asked for on a node
audit-approach-node-note = Note added to a node
audit-approach-perspective-saved = Party's perspective saved
audit-approach-position-changed = Goals, wishes, interests or expectations changed
audit-approach-ambition-changed = Shared ambition changed
audit-approach-ambition-agreed = Agreed to the shared ambition
audit-approach-goal-changed = Goal added or progress reported
change-goal-progress = Progress reported on a goal
change-goal-added = Goal added
change-goal-edited = Goal changed
change-goal-removed = Goal removed
change-goal-restored = Goal put back

## Messages after an action
flash-approach-created = The approach has been created. Now add the organisations that take part, under Parties.
flash-approach-saved = Your changes have been saved.
flash-approach-status = The status of the approach has been changed.
flash-method-moved = The approach now uses the newest version of the method.
flash-node-moved = The status of the node has been changed.
flash-node-parties = The lead and involved parties have been saved.
flash-need-added = The request for help has been recorded.
flash-need-resolved = The request for help is now marked as resolved.
flash-note-added = The note has been added.
flash-party-added = The party has been added.
flash-party-changed = The party's details have been changed.
flash-subproject-added = The sub-project has been added.
flash-subproject-changed = The sub-project has been changed.
flash-perspective-saved = Your party's perspective has been saved.
flash-ambition-saved = The shared ambition has been saved. The parties can now agree to the new text.
flash-ambition-agreed = Your party has agreed to the shared ambition.
flash-position-added = The item has been added.
flash-position-removed = The item has been removed.
flash-position-removed-kept = The item is no longer part of your party's position. The parties that shared it keep it.
confirm-remove-position-title = Take this item out of your party's position?
confirm-remove-position-what = “{ $body }” leaves your party's position. No other party shares it, so it will be gone altogether.
confirm-remove-position-shared = “{ $body }” leaves your party's position. { $parties } said it holds for them too: for them the item stays.
flash-position-shared = Your party now shares this item.
flash-position-unshared = Your party no longer shares this item.
flash-goal-added = The goal has been added.
flash-goal-saved = The goal has been saved.
flash-goal-removed = The goal has been removed. You find it under “removed goals”.
flash-goal-restored = The goal is back in the list.
flash-goal-progress = The progress has been saved.

## Errors
error-approach-name-required = Fill in the name of the approach.
error-approach-name-long = The name can be at most 150 characters long. Please shorten it.
error-approach-areas-required = Choose at least one district or neighbourhood that the approach covers.
error-approach-status-invalid = Choose a status from the list.
error-approach-same-status = The approach already has this status. Choose another status.
error-status-reason-required = Give a reason. It is required when pausing or stopping, so that all parties know why.
error-phase-invalid = Choose a phase from the list.
error-intensity-invalid = Choose an intensity from the list.
error-steering-form-invalid = Choose a form of steering from the list.
error-director-role-invalid = Choose a director role from the list.
error-contact-invalid = Choose a contact point from the list. It is always a member of staff of the municipality.
error-phone-long = The phone number can be at most 40 characters long.
error-method-current = This approach already uses the newest version of the method. There is no need to move.
error-party-organisation = Choose a party from the list.
error-party-role-invalid = Choose a role from the list.
error-subproject-unknown = Choose a sub-project from the list.
error-subproject-name-required = Fill in the name of the sub-project.
error-subproject-name-long = The name of the sub-project can be at most 150 characters long. Please shorten it.
error-node-status-invalid = Choose a status from the list.
error-node-same-status = The node already has this status. Choose another status.
error-node-pause-not-started = Only work that has started can be paused.
error-node-revise-not-completed = Only a completed node can be revised.
error-node-completed-revise = A completed node can only be revised. Choose "Revised" if you want to work on it again.
error-node-move = This status change is not possible. Choose one of the statuses in the list.
error-need-self = A party cannot need itself. Choose another party.
error-need-resolved = This request for help has already been resolved. Refresh the page to see the latest state.
error-note-required = Fill in the note.
error-track-invalid = Choose the tracks from the list.
error-ambition-required = Fill in the shared ambition.
error-ambition-changed = Someone else has changed the shared ambition in the meantime. Read the new text, then try again.
error-position-kind-invalid = Choose a kind from the list: goals, wishes, interests or expectations.
error-position-required = Fill in the description.
error-position-long = The description can be at most 500 characters long. Please shorten it.
error-position-own = This item belongs to your own party. You can only share items of other parties.
error-horizon-invalid = Choose a term from the list.
error-goal-title-required = Fill in the goal.
error-goal-title-long = The goal can be at most 200 characters long. Please shorten it.
error-goal-value-required = Fill in the current value, for example a number or a percentage.
error-goal-value-number = This indicator is a number: enter the current value as a number, for example 120 or 45%.
error-goal-target-past = The target date is in the past. Choose today or a later date.
error-text-control = The text contains invisible control characters. Type the text again, or paste it without formatting.
error-text-line-break = This field is a single line. Please remove the line breaks.

## Leaving an approach
party-leave = Leave the approach on behalf of { $party }
party-leave-intro = Is your organisation no longer taking part? Then you can leave the approach. From today your organisation is no longer a party. What it contributed stays visible. Only an administrator of your organisation can do this.
party-leave-title = Take { $party } out of the approach?
party-leave-what = From today { $party } is no longer a party to { $approach }. What your organisation contributed stays visible. Those who took part on its behalf can no longer open the approach.
party-leave-confirm = Yes, { $party } no longer takes part in this approach from today.
error-party-leave-confirm = Tick the box to confirm that your organisation leaves the approach, or choose Cancel.
flash-party-left = Your organisation no longer takes part in the approach. What it contributed stays visible.
error-municipality-leave = The municipality cannot leave its own approach. Do you want to stop? Then change the status under Settings.
error-party-leave-admin = Only an administrator of your organisation can leave the approach on its behalf.

## Additions
error-subproject-description-long = The sub-project's description can be at most 2000 characters long. Please shorten it.
error-ambition-long = The ambition can be at most 4000 characters long. Please shorten it.
error-goal-indicator-long = The indicator can be at most 200 characters long. Please shorten it.
error-goal-target-value-long = The target value can be at most 100 characters long. Please shorten it.
error-goal-value-long = The current value can be at most 100 characters long. Please shorten it.
error-goal-note-long = The note on the progress can be at most 2000 characters long. Please shorten it.
error-approach-description-long = The approach's description can be at most 4000 characters long. Please shorten it.
error-status-reason-long = The reason can be at most 2000 characters long. Please shorten it.
error-node-status-note-long = The note on the status can be at most 2000 characters long. Please shorten it.
error-need-note-long = What you need this party for can be at most 1000 characters long. Please shorten it.
error-node-note-long = The note can be at most 4000 characters long. Please shorten it.
error-next-year-long = What your party wants to do next year can be at most 2000 characters long. Please shorten it.
label-party-since = From
node-current-status = Current status:
perspectives-save = Save perspective
error-party-exists = This organisation is already a party to this approach. Change its role or dates from the list of parties.
error-party-left-rejoin = This party has left the approach. Do you want it to take part again? Then add it again under “Add a party”: its administrators are asked whether it takes part again.
error-node-changed = Someone else has just changed the status of this node. Look at the new status and try again.
error-approach-changed = Someone else has just changed the status of this approach. Look at the new status and try again.
