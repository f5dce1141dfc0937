//! The coarse kind of device a session was opened on, from its `User-Agent`.
//!
//! Only two words are kept — a form factor and an operating system family — so that a person
//! can tell their sessions apart ("a phone, Android") without the server keeping the full
//! User-Agent, which is a fingerprint. A few substring tests are enough for that and are
//! written here: the maintained User-Agent crates carry large regex databases to name browsers
//! and versions, which this deliberately does not want to know.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use serde::Serialize;
use utoipa::ToSchema;

/// Form factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum FormFactor {
    /// A phone.
    Phone,
    /// A tablet.
    Tablet,
    /// A desktop or laptop computer.
    Computer,
    /// Not recognised (or no `User-Agent`).
    Unknown,
}

/// Operating system family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum System {
    /// Android.
    Android,
    /// iOS or iPadOS.
    Ios,
    /// Windows.
    Windows,
    /// macOS.
    Macos,
    /// ChromeOS.
    Chromeos,
    /// Linux (other than Android and ChromeOS).
    Linux,
    /// Not recognised.
    Other,
}

/// The device of a request, as stored with a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct Device {
    /// Phone, tablet or computer.
    pub form: FormFactor,
    /// Operating system family.
    pub system: System,
}

impl Device {
    /// Neither recognised.
    pub const UNKNOWN: Self = Self {
        form: FormFactor::Unknown,
        system: System::Other,
    };

    /// The coarse device of a `User-Agent` string.
    pub fn from_user_agent(ua: &str) -> Self {
        let has = |needle: &str| ua.contains(needle);
        let system = if has("Android") {
            System::Android
        } else if has("iPhone") || has("iPad") || has("iPod") {
            System::Ios
        } else if has("Windows") {
            System::Windows
        } else if has("CrOS") {
            System::Chromeos
        } else if has("Macintosh") || has("Mac OS X") {
            System::Macos
        } else if has("Linux") || has("X11") {
            System::Linux
        } else {
            System::Other
        };
        let form = match system {
            System::Android if has("Mobile") => FormFactor::Phone,
            System::Android => FormFactor::Tablet,
            System::Ios if has("iPad") => FormFactor::Tablet,
            System::Ios => FormFactor::Phone,
            System::Windows | System::Macos | System::Chromeos | System::Linux => {
                FormFactor::Computer
            }
            System::Other if has("Mobile") => FormFactor::Phone,
            System::Other => FormFactor::Unknown,
        };
        Self { form, system }
    }

    /// The stored form, `form/system`.
    pub fn as_stored(&self) -> String {
        format!("{}/{}", self.form.as_str(), self.system.as_str())
    }

    /// Reads the stored form back; anything else is [`Device::UNKNOWN`].
    pub fn from_stored(s: &str) -> Self {
        let (form, system) = s.split_once('/').unwrap_or((s, ""));
        let form = match form {
            "phone" => FormFactor::Phone,
            "tablet" => FormFactor::Tablet,
            "computer" => FormFactor::Computer,
            _ => FormFactor::Unknown,
        };
        let system = match system {
            "android" => System::Android,
            "ios" => System::Ios,
            "windows" => System::Windows,
            "macos" => System::Macos,
            "chromeos" => System::Chromeos,
            "linux" => System::Linux,
            _ => System::Other,
        };
        Self { form, system }
    }
}

impl FormFactor {
    fn as_str(self) -> &'static str {
        match self {
            Self::Phone => "phone",
            Self::Tablet => "tablet",
            Self::Computer => "computer",
            Self::Unknown => "unknown",
        }
    }
}

impl System {
    fn as_str(self) -> &'static str {
        match self {
            Self::Android => "android",
            Self::Ios => "ios",
            Self::Windows => "windows",
            Self::Macos => "macos",
            Self::Chromeos => "chromeos",
            Self::Linux => "linux",
            Self::Other => "other",
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Device {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map_or(Self::UNKNOWN, Self::from_user_agent))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_user_agents_get_their_coarse_kind() {
        let cases = [
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
                "phone/android",
            ),
            (
                "Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
                "tablet/android",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                "phone/ios",
            ),
            (
                "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                "tablet/ios",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
                "computer/windows",
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
                "computer/macos",
            ),
            (
                "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
                "computer/chromeos",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                "computer/linux",
            ),
            ("curl/8.5.0", "unknown/other"),
            ("", "unknown/other"),
        ];
        for (ua, want) in cases {
            assert_eq!(Device::from_user_agent(ua).as_stored(), want, "{ua}");
        }
    }

    #[test]
    fn the_stored_form_reads_back() {
        for stored in [
            "phone/android",
            "computer/linux",
            "tablet/ios",
            "unknown/other",
        ] {
            assert_eq!(Device::from_stored(stored).as_stored(), stored);
        }
        assert_eq!(Device::from_stored("garbage"), Device::UNKNOWN);
    }
}
