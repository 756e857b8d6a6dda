-- Instants written before the current data path are RFC 3339 text that drops trailing zeros
-- from the fraction ("…:12.5Z", "…:12Z") and may carry an offset ("…+01:00"). Since then every
-- instant is written in UTC at one width ("2026-12-07T15:44:12.500000Z"), so that comparing or
-- sorting the text compares or sorts the instants. This rewrites the older ones the same way.
-- PostgreSQL stores instants as TIMESTAMPTZ and needs nothing.

CREATE TEMP TABLE instant_rewrites (old TEXT PRIMARY KEY, new TEXT);

INSERT OR IGNORE INTO instant_rewrites (old)
    SELECT locked_until FROM users WHERE locked_until NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT last_login_at FROM users WHERE last_login_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM users WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT updated_at FROM users WHERE updated_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM sessions WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT last_seen_at FROM sessions WHERE last_seen_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT expires_at FROM sessions WHERE expires_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM organisations WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT updated_at FROM organisations WHERE updated_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT since FROM memberships WHERE since NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT until FROM memberships WHERE until NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM invitations WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT expires_at FROM invitations WHERE expires_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT accepted_at FROM invitations WHERE accepted_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT revoked_at FROM invitations WHERE revoked_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM password_resets WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT expires_at FROM password_resets WHERE expires_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT used_at FROM password_resets WHERE used_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT at FROM audit_events WHERE at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT run_at FROM jobs WHERE run_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT locked_until FROM jobs WHERE locked_until NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT done_at FROM jobs WHERE done_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT failed_at FROM jobs WHERE failed_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM jobs WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM areas WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT updated_at FROM areas WHERE updated_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT since FROM municipality_facilitators WHERE since NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT verified_at FROM initiative_profiles WHERE verified_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM initiative_profiles WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT updated_at FROM initiative_profiles WHERE updated_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM initiative_projects WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT installed_at FROM method_packs WHERE installed_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT ambition_updated_at FROM approaches WHERE ambition_updated_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM approaches WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT updated_at FROM approaches WHERE updated_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM subprojects WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT perspective_at FROM approach_parties WHERE perspective_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM approach_parties WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT updated_at FROM node_progress WHERE updated_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT at FROM node_status_changes WHERE at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM node_needs WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT resolved_at FROM node_needs WHERE resolved_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM node_notes WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM position_items WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM position_shares WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT agreed_at FROM ambition_agreements WHERE agreed_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM goals WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT at FROM goal_updates WHERE at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT seen_at FROM approach_visits WHERE seen_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT happened_at FROM log_entries WHERE happened_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT ends_at FROM log_entries WHERE ends_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM log_entries WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT updated_at FROM log_entries WHERE updated_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM notifications WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT read_at FROM notifications WHERE read_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM calendar_links WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT revoked_at FROM calendar_links WHERE revoked_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT mailed_at FROM notifications WHERE mailed_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT locked_until FROM login_devices WHERE locked_until NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM login_devices WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT last_used_at FROM login_devices WHERE last_used_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT created_at FROM registrations WHERE created_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT expires_at FROM registrations WHERE expires_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT verified_at FROM organisations WHERE verified_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT requested_at FROM consent_requests WHERE requested_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT answered_at FROM consent_requests WHERE answered_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT blocked_at FROM users WHERE blocked_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT totp_enabled_at FROM users WHERE totp_enabled_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT used_at FROM recovery_codes WHERE used_at NOT GLOB '????-??-??T??:??:??.??????Z'
UNION
    SELECT expires_at FROM login_challenges WHERE expires_at NOT GLOB '????-??-??T??:??:??.??????Z';

-- The fraction's digits run from position 21 up to a 'Z' or the sign of an offset.
UPDATE instant_rewrites SET new =
    strftime('%Y-%m-%dT%H:%M:%S', old) || '.' || substr(
        CASE WHEN substr(old, 20, 1) = '.' THEN
            CASE WHEN instr(replace(replace(substr(old, 21), 'Z', '+'), '-', '+'), '+') > 0
                 THEN substr(old, 21,
                             instr(replace(replace(substr(old, 21), 'Z', '+'), '-', '+'), '+') - 1)
                 ELSE substr(old, 21) END
        ELSE '' END || '000000', 1, 6) || 'Z';
-- Text no date function reads stays as it is.
DELETE FROM instant_rewrites WHERE new IS NULL;

UPDATE users SET locked_until = (SELECT new FROM instant_rewrites WHERE old = locked_until) WHERE locked_until IN (SELECT old FROM instant_rewrites);
UPDATE users SET last_login_at = (SELECT new FROM instant_rewrites WHERE old = last_login_at) WHERE last_login_at IN (SELECT old FROM instant_rewrites);
UPDATE users SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE users SET updated_at = (SELECT new FROM instant_rewrites WHERE old = updated_at) WHERE updated_at IN (SELECT old FROM instant_rewrites);
UPDATE sessions SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE sessions SET last_seen_at = (SELECT new FROM instant_rewrites WHERE old = last_seen_at) WHERE last_seen_at IN (SELECT old FROM instant_rewrites);
UPDATE sessions SET expires_at = (SELECT new FROM instant_rewrites WHERE old = expires_at) WHERE expires_at IN (SELECT old FROM instant_rewrites);
UPDATE organisations SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE organisations SET updated_at = (SELECT new FROM instant_rewrites WHERE old = updated_at) WHERE updated_at IN (SELECT old FROM instant_rewrites);
UPDATE memberships SET since = (SELECT new FROM instant_rewrites WHERE old = since) WHERE since IN (SELECT old FROM instant_rewrites);
UPDATE memberships SET until = (SELECT new FROM instant_rewrites WHERE old = until) WHERE until IN (SELECT old FROM instant_rewrites);
UPDATE invitations SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE invitations SET expires_at = (SELECT new FROM instant_rewrites WHERE old = expires_at) WHERE expires_at IN (SELECT old FROM instant_rewrites);
UPDATE invitations SET accepted_at = (SELECT new FROM instant_rewrites WHERE old = accepted_at) WHERE accepted_at IN (SELECT old FROM instant_rewrites);
UPDATE invitations SET revoked_at = (SELECT new FROM instant_rewrites WHERE old = revoked_at) WHERE revoked_at IN (SELECT old FROM instant_rewrites);
UPDATE password_resets SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE password_resets SET expires_at = (SELECT new FROM instant_rewrites WHERE old = expires_at) WHERE expires_at IN (SELECT old FROM instant_rewrites);
UPDATE password_resets SET used_at = (SELECT new FROM instant_rewrites WHERE old = used_at) WHERE used_at IN (SELECT old FROM instant_rewrites);
-- The audit log is append-only; rewriting the form of its instants changes no event.
DROP TRIGGER audit_events_no_update;
UPDATE audit_events SET at = (SELECT new FROM instant_rewrites WHERE old = at) WHERE at IN (SELECT old FROM instant_rewrites);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
UPDATE jobs SET run_at = (SELECT new FROM instant_rewrites WHERE old = run_at) WHERE run_at IN (SELECT old FROM instant_rewrites);
UPDATE jobs SET locked_until = (SELECT new FROM instant_rewrites WHERE old = locked_until) WHERE locked_until IN (SELECT old FROM instant_rewrites);
UPDATE jobs SET done_at = (SELECT new FROM instant_rewrites WHERE old = done_at) WHERE done_at IN (SELECT old FROM instant_rewrites);
UPDATE jobs SET failed_at = (SELECT new FROM instant_rewrites WHERE old = failed_at) WHERE failed_at IN (SELECT old FROM instant_rewrites);
UPDATE jobs SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE areas SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE areas SET updated_at = (SELECT new FROM instant_rewrites WHERE old = updated_at) WHERE updated_at IN (SELECT old FROM instant_rewrites);
UPDATE municipality_facilitators SET since = (SELECT new FROM instant_rewrites WHERE old = since) WHERE since IN (SELECT old FROM instant_rewrites);
UPDATE initiative_profiles SET verified_at = (SELECT new FROM instant_rewrites WHERE old = verified_at) WHERE verified_at IN (SELECT old FROM instant_rewrites);
UPDATE initiative_profiles SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE initiative_profiles SET updated_at = (SELECT new FROM instant_rewrites WHERE old = updated_at) WHERE updated_at IN (SELECT old FROM instant_rewrites);
UPDATE initiative_projects SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE method_packs SET installed_at = (SELECT new FROM instant_rewrites WHERE old = installed_at) WHERE installed_at IN (SELECT old FROM instant_rewrites);
UPDATE approaches SET ambition_updated_at = (SELECT new FROM instant_rewrites WHERE old = ambition_updated_at) WHERE ambition_updated_at IN (SELECT old FROM instant_rewrites);
UPDATE approaches SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE approaches SET updated_at = (SELECT new FROM instant_rewrites WHERE old = updated_at) WHERE updated_at IN (SELECT old FROM instant_rewrites);
UPDATE subprojects SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE approach_parties SET perspective_at = (SELECT new FROM instant_rewrites WHERE old = perspective_at) WHERE perspective_at IN (SELECT old FROM instant_rewrites);
UPDATE approach_parties SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE node_progress SET updated_at = (SELECT new FROM instant_rewrites WHERE old = updated_at) WHERE updated_at IN (SELECT old FROM instant_rewrites);
UPDATE node_status_changes SET at = (SELECT new FROM instant_rewrites WHERE old = at) WHERE at IN (SELECT old FROM instant_rewrites);
UPDATE node_needs SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE node_needs SET resolved_at = (SELECT new FROM instant_rewrites WHERE old = resolved_at) WHERE resolved_at IN (SELECT old FROM instant_rewrites);
UPDATE node_notes SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE position_items SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE position_shares SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE ambition_agreements SET agreed_at = (SELECT new FROM instant_rewrites WHERE old = agreed_at) WHERE agreed_at IN (SELECT old FROM instant_rewrites);
UPDATE goals SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE goal_updates SET at = (SELECT new FROM instant_rewrites WHERE old = at) WHERE at IN (SELECT old FROM instant_rewrites);
UPDATE approach_visits SET seen_at = (SELECT new FROM instant_rewrites WHERE old = seen_at) WHERE seen_at IN (SELECT old FROM instant_rewrites);
UPDATE log_entries SET happened_at = (SELECT new FROM instant_rewrites WHERE old = happened_at) WHERE happened_at IN (SELECT old FROM instant_rewrites);
UPDATE log_entries SET ends_at = (SELECT new FROM instant_rewrites WHERE old = ends_at) WHERE ends_at IN (SELECT old FROM instant_rewrites);
UPDATE log_entries SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE log_entries SET updated_at = (SELECT new FROM instant_rewrites WHERE old = updated_at) WHERE updated_at IN (SELECT old FROM instant_rewrites);
UPDATE notifications SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE notifications SET read_at = (SELECT new FROM instant_rewrites WHERE old = read_at) WHERE read_at IN (SELECT old FROM instant_rewrites);
UPDATE calendar_links SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE calendar_links SET revoked_at = (SELECT new FROM instant_rewrites WHERE old = revoked_at) WHERE revoked_at IN (SELECT old FROM instant_rewrites);
UPDATE notifications SET mailed_at = (SELECT new FROM instant_rewrites WHERE old = mailed_at) WHERE mailed_at IN (SELECT old FROM instant_rewrites);
UPDATE login_devices SET locked_until = (SELECT new FROM instant_rewrites WHERE old = locked_until) WHERE locked_until IN (SELECT old FROM instant_rewrites);
UPDATE login_devices SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE login_devices SET last_used_at = (SELECT new FROM instant_rewrites WHERE old = last_used_at) WHERE last_used_at IN (SELECT old FROM instant_rewrites);
UPDATE registrations SET created_at = (SELECT new FROM instant_rewrites WHERE old = created_at) WHERE created_at IN (SELECT old FROM instant_rewrites);
UPDATE registrations SET expires_at = (SELECT new FROM instant_rewrites WHERE old = expires_at) WHERE expires_at IN (SELECT old FROM instant_rewrites);
UPDATE organisations SET verified_at = (SELECT new FROM instant_rewrites WHERE old = verified_at) WHERE verified_at IN (SELECT old FROM instant_rewrites);
UPDATE consent_requests SET requested_at = (SELECT new FROM instant_rewrites WHERE old = requested_at) WHERE requested_at IN (SELECT old FROM instant_rewrites);
UPDATE consent_requests SET answered_at = (SELECT new FROM instant_rewrites WHERE old = answered_at) WHERE answered_at IN (SELECT old FROM instant_rewrites);
UPDATE users SET blocked_at = (SELECT new FROM instant_rewrites WHERE old = blocked_at) WHERE blocked_at IN (SELECT old FROM instant_rewrites);
UPDATE users SET totp_enabled_at = (SELECT new FROM instant_rewrites WHERE old = totp_enabled_at) WHERE totp_enabled_at IN (SELECT old FROM instant_rewrites);
UPDATE recovery_codes SET used_at = (SELECT new FROM instant_rewrites WHERE old = used_at) WHERE used_at IN (SELECT old FROM instant_rewrites);
UPDATE login_challenges SET expires_at = (SELECT new FROM instant_rewrites WHERE old = expires_at) WHERE expires_at IN (SELECT old FROM instant_rewrites);

DROP TABLE instant_rewrites;
