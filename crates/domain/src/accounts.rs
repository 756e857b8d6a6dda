//! Account values: e-mail addresses, display names and new passwords.

use crate::Invalid;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Passwords shorter than this are refused.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longer input is refused rather than hashed, to keep hashing cost bounded.
pub const MAX_PASSWORD_CHARS: usize = 256;

static COMMON_PASSWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common_passwords.txt")
        .lines()
        .map(str::trim)
        .collect()
});

/// A syntactically valid, lower-cased e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let email = input.trim().to_lowercase();
        if email.is_empty() {
            return Err(Invalid::new("error-email-required"));
        }
        let valid = email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && email.matches('@').count() == 1
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && local.len() <= 64
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains("..")
                    && domain
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
            });
        if valid {
            Ok(Email(email))
        } else {
            Err(Invalid::new("error-email-invalid"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A person's display name: trimmed, 1 to 100 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let name = input.trim();
        if name.is_empty() {
            return Err(Invalid::new("error-name-required"));
        }
        if name.chars().count() > 100 {
            return Err(Invalid::new("error-name-too-long"));
        }
        if name.chars().any(char::is_control) {
            return Err(Invalid::new("error-name-invalid"));
        }
        Ok(PersonName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password that meets the rules for a new password. It is never stored as such: only its
/// Argon2id hash is.
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(input: &str, email: Option<&Email>) -> Result<Self, Invalid> {
        let chars = input.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(Invalid::new("error-password-too-short"));
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(Invalid::new("error-password-too-long"));
        }
        let lowered = input.to_lowercase();
        let same_as_email = email.is_some_and(|e| {
            lowered == e.as_str() || e.as_str().split('@').next() == Some(lowered.as_str())
        });
        if same_as_email || COMMON_PASSWORDS.contains(lowered.as_str()) || is_monotonous(&lowered) {
            return Err(Invalid::new("error-password-common"));
        }
        Ok(NewPassword(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

/// True for passwords made of one or two distinct characters ("aaaaaaaaaa", "ababababab").
fn is_monotonous(password: &str) -> bool {
    let distinct: HashSet<char> = password.chars().collect();
    distinct.len() <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lowercased() {
        assert_eq!(
            Email::parse("  Anna@Example.NL ").unwrap().as_str(),
            "anna@example.nl"
        );
    }

    #[test]
    fn email_rejects_garbage() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.nl",
            "a@b",
            "a b@example.nl",
            "a@@example.nl",
            "a@example..nl",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn password_rules() {
        assert_eq!(
            NewPassword::parse("short", None).unwrap_err().key,
            "error-password-too-short"
        );
        assert_eq!(
            NewPassword::parse("wachtwoord1", None).unwrap_err().key,
            "error-password-common"
        );
        assert_eq!(
            NewPassword::parse("Password123", None).unwrap_err().key,
            "error-password-common"
        );
        assert_eq!(
            NewPassword::parse("aaaaaaaaaaaa", None).unwrap_err().key,
            "error-password-common"
        );
        let email = Email::parse("katrien.devries@example.nl").unwrap();
        assert_eq!(
            NewPassword::parse("katrien.devries", Some(&email))
                .unwrap_err()
                .key,
            "error-password-common"
        );
        assert!(NewPassword::parse("zonnepaneel-op-het-dak", Some(&email)).is_ok());
    }

    #[test]
    fn common_password_list_is_usable() {
        assert!(COMMON_PASSWORDS.len() > 100);
        assert!(COMMON_PASSWORDS.iter().all(|p| *p == p.to_lowercase()));
    }

    #[test]
    fn names() {
        assert_eq!(
            PersonName::parse("  Sanne Bakker ").unwrap().as_str(),
            "Sanne Bakker"
        );
        assert!(PersonName::parse("   ").is_err());
        assert!(PersonName::parse(&"x".repeat(101)).is_err());
    }
}

/// Consecutive failed logins after which an account is locked for a while.
pub const FAILURES_BEFORE_LOCKOUT: i32 = 5;

/// How long an account stays locked after `failures` consecutive failed logins: nothing for
/// the first few, then 30 seconds doubling with every further failure, at most 15 minutes.
pub fn lockout_after(failures: i32) -> Option<std::time::Duration> {
    if failures < FAILURES_BEFORE_LOCKOUT {
        return None;
    }
    let doublings = (failures - FAILURES_BEFORE_LOCKOUT).min(5) as u32;
    let seconds = (30u64 << doublings).min(15 * 60);
    Some(std::time::Duration::from_secs(seconds))
}

#[cfg(test)]
mod lockout_tests {
    use super::*;

    #[test]
    fn lockout_grows_and_is_capped() {
        assert_eq!(lockout_after(4), None);
        assert_eq!(lockout_after(5).unwrap().as_secs(), 30);
        assert_eq!(lockout_after(6).unwrap().as_secs(), 60);
        assert_eq!(lockout_after(50).unwrap().as_secs(), 900);
    }
}
