//! The operator's commands (`pde-server admin …`): organisations, invitations, worker
//! verification and suspension. Each command is a function on a [`Storage`], so it can be
//! tested without the binary; [`run`] opens the database and prints script-friendly output:
//! `key: value` lines for one result, tab-separated rows under a header line for lists.

use std::io::Write;
use std::sync::Arc;

use crate::clock::{Clock, UnixSeconds};
use crate::config::{AdminArgs, AdminCommand, AdminStorage, OrgCommand, WorkerCommand};
use crate::ids::OrganisationId;
use crate::invitation::InvitationToken;
use crate::storage::{
    Backend, Invitation, Organisation, OrganisationSummary, Storage, StorageError, WorkerRecord,
    WorkerState,
};
use crate::worker_code::{WorkerCode, WorkerCodeError};

/// Longest validity of an invitation, in hours.
pub const MAX_VALID_HOURS: u32 = 720;

/// Why an operator command failed; the message is one line for the terminal.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// No organisation with that id or exact name.
    #[error("unknown organisation {0:?} (give its id or exact name; see `admin org list`)")]
    UnknownOrganisation(String),
    /// The organisation name is taken.
    #[error("an organisation named {0:?} already exists")]
    OrganisationExists(String),
    /// An organisation name that is empty or has control characters.
    #[error("an organisation name must be 1 to 200 characters without control characters")]
    BadOrganisationName,
    /// Not a card code.
    #[error("invalid worker code {code:?}: {reason}")]
    BadCode {
        /// As typed.
        code: String,
        /// Why.
        reason: WorkerCodeError,
    },
    /// No worker with that card code.
    #[error("no worker has the card code {0}")]
    UnknownWorker(WorkerCode),
    /// Validity out of range.
    #[error("an invitation is valid 1 to {MAX_VALID_HOURS} hours")]
    BadValidity,
    /// The blob store could not be opened.
    #[error("{0}")]
    Blobs(#[from] crate::blob::OpenError),
    /// The database failed.
    #[error("database: {0}")]
    Storage(#[from] StorageError),
    /// A backup, its check or a restore failed.
    #[error("{0}")]
    Backup(#[from] crate::backup::BackupError),
    /// Writing the output or creating the data directory failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// A new invitation.
#[derive(Debug)]
pub struct Invited {
    /// The token, for the link only.
    pub token: InvitationToken,
    /// The organisation the worker will join.
    pub organisation: Organisation,
    /// It is refused from this time on.
    pub expires_at: UnixSeconds,
}

impl Invited {
    /// The invitation link: `<public-url>/join#<token>`.
    pub fn link(&self, public_url: &str) -> String {
        format!(
            "{}/join#{}",
            public_url.trim_end_matches('/'),
            self.token.expose()
        )
    }
}

/// Creates an organisation named `name` (trimmed).
pub async fn add_organisation(
    storage: &dyn Storage,
    clock: &dyn Clock,
    name: &str,
) -> Result<Organisation, AdminError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
        return Err(AdminError::BadOrganisationName);
    }
    let organisation = Organisation {
        id: OrganisationId::random(),
        name: name.to_owned(),
        created_at: clock.now(),
    };
    match storage.create_organisation(&organisation).await {
        Ok(()) => Ok(organisation),
        Err(StorageError::Conflict) => Err(AdminError::OrganisationExists(name.to_owned())),
        Err(e) => Err(e.into()),
    }
}

/// The organisation whose id or exact name is `key`.
pub async fn find_organisation(
    storage: &dyn Storage,
    key: &str,
) -> Result<Organisation, AdminError> {
    let by_id = match key.parse::<OrganisationId>() {
        Ok(id) => storage.organisation(id).await?,
        Err(_) => None,
    };
    let found = match by_id {
        Some(o) => Some(o),
        None => storage.organisation_by_name(key).await?,
    };
    found.ok_or_else(|| AdminError::UnknownOrganisation(key.to_owned()))
}

/// Makes a one-time invitation to join organisation `org` (id or exact name), valid
/// `valid_hours` hours.
pub async fn invite(
    storage: &dyn Storage,
    clock: &dyn Clock,
    org: &str,
    valid_hours: u32,
) -> Result<Invited, AdminError> {
    if !(1..=MAX_VALID_HOURS).contains(&valid_hours) {
        return Err(AdminError::BadValidity);
    }
    let organisation = find_organisation(storage, org).await?;
    let token = InvitationToken::random();
    let now = clock.now();
    let expires_at = now + i64::from(valid_hours) * 3600;
    storage
        .create_invitation(&Invitation {
            token_hash: token.hash(),
            organisation_id: organisation.id,
            created_at: now,
            expires_at,
        })
        .await?;
    Ok(Invited {
        token,
        organisation,
        expires_at,
    })
}

/// The workers, of one organisation (id or exact name) or all.
pub async fn workers(
    storage: &dyn Storage,
    org: Option<&str>,
) -> Result<Vec<WorkerRecord>, AdminError> {
    let organisation = match org {
        Some(key) => Some(find_organisation(storage, key).await?.id),
        None => None,
    };
    Ok(storage.workers(organisation).await?)
}

fn parse_code(code: &str) -> Result<WorkerCode, AdminError> {
    code.parse().map_err(|reason| AdminError::BadCode {
        code: code.to_owned(),
        reason,
    })
}

/// Marks the worker with card code `code` verified (also lifting a suspension: the sessions
/// opened before it are deleted, so they do not come back to life).
pub async fn verify(storage: &dyn Storage, code: &str) -> Result<WorkerRecord, AdminError> {
    let code = parse_code(code)?;
    let before = storage
        .worker_by_code(code)
        .await?
        .ok_or(AdminError::UnknownWorker(code))?;
    let worker = storage
        .set_worker_state(code, WorkerState::Verified)
        .await?
        .ok_or(AdminError::UnknownWorker(code))?;
    if before.state == WorkerState::Suspended {
        storage.delete_sessions(worker.account_id).await?;
    }
    Ok(worker)
}

/// Suspends the worker with card code `code`; answers the worker and the number of their
/// sessions that ended. Those sessions stay stored, so every request on them is answered
/// `403 worker_suspended` (not `401`), until they expire or the suspension is lifted.
pub async fn suspend(storage: &dyn Storage, code: &str) -> Result<(WorkerRecord, u64), AdminError> {
    let code = parse_code(code)?;
    let worker = storage
        .set_worker_state(code, WorkerState::Suspended)
        .await?
        .ok_or(AdminError::UnknownWorker(code))?;
    let sessions = storage.session_count(worker.account_id).await?;
    Ok((worker, sessions))
}

/// Opens the database `serve` uses (creating the data directory and database if missing).
pub async fn open_storage(options: &AdminStorage) -> Result<Arc<dyn Storage>, AdminError> {
    let url = options.database_url();
    if options.database_url.is_none() {
        std::fs::create_dir_all(&options.data_dir)?;
    }
    Ok(crate::storage::connect(&url).await?)
}

/// A Unix time as `YYYY-MM-DD HH:MM` (UTC).
pub fn utc(t: UnixSeconds) -> String {
    let (date, secs) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    format!(
        "{} {:02}:{:02}",
        utc_date(date),
        secs / 3600,
        secs % 3600 / 60
    )
}

/// Day number `days` since 1970-01-01 as `YYYY-MM-DD` (proleptic Gregorian calendar).
fn utc_date(days: i64) -> String {
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn print_organisations(out: &mut dyn Write, list: &[OrganisationSummary]) -> std::io::Result<()> {
    writeln!(out, "id\tname\tunverified\tverified\tsuspended")?;
    for o in list {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            o.organisation.id, o.organisation.name, o.unverified, o.verified, o.suspended
        )?;
    }
    Ok(())
}

fn print_workers(out: &mut dyn Write, list: &[WorkerRecord]) -> std::io::Result<()> {
    writeln!(out, "code\treal_name\torganisation\tstate\tjoined")?;
    for w in list {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            w.code,
            w.real_name,
            w.organisation.name,
            w.state.as_str(),
            utc_date(w.joined_day.div_euclid(86_400))
        )?;
    }
    Ok(())
}

/// Runs one operator command against the database named by `args`, writing its output to
/// `out`.
pub async fn run(
    args: AdminArgs,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), AdminError> {
    if crate::backup::is_backup_command(&args.command) {
        return crate::backup::run(args, clock, out).await;
    }
    let storage = open_storage(&args.storage).await?;
    let storage = storage.as_ref();
    match args.command {
        AdminCommand::Org(OrgCommand::Add { name }) => {
            let o = add_organisation(storage, clock, &name).await?;
            writeln!(out, "organisation: {}", o.id)?;
        }
        AdminCommand::Org(OrgCommand::List) => {
            print_organisations(out, &storage.organisations().await?)?;
        }
        AdminCommand::Worker(WorkerCommand::Invite { org, valid_hours }) => {
            let invited = invite(storage, clock, &org, valid_hours).await?;
            writeln!(out, "link: {}", invited.link(&args.storage.public_url))?;
            writeln!(out, "organisation: {}", invited.organisation.name)?;
            writeln!(
                out,
                "expires_at: {} ({} UTC)",
                invited.expires_at,
                utc(invited.expires_at)
            )?;
        }
        AdminCommand::Worker(WorkerCommand::List { org }) => {
            print_workers(out, &workers(storage, org.as_deref()).await?)?;
        }
        AdminCommand::Worker(WorkerCommand::Verify { code }) => {
            let w = verify(storage, &code).await?;
            writeln!(out, "verified: {} {}", w.code, w.real_name)?;
        }
        AdminCommand::Worker(WorkerCommand::Suspend { code }) => {
            let (w, sessions) = suspend(storage, &code).await?;
            writeln!(out, "suspended: {} {}", w.code, w.real_name)?;
            writeln!(out, "sessions_ended: {sessions}")?;
        }
        AdminCommand::Stats { json } => {
            let backend = Backend::of_url(&args.storage.database_url())?;
            let indicators = storage.indicators(clock.now()).await?;
            if json {
                let mut object =
                    serde_json::to_value(&indicators).expect("a struct of numbers serialises");
                object["database"] = backend.name().into();
                writeln!(out, "{object}")?;
            } else {
                writeln!(out, "database: {}", backend.name())?;
                write!(out, "{}", indicators.human())?;
            }
        }
        AdminCommand::Backup { .. }
        | AdminCommand::VerifyBackup { .. }
        | AdminCommand::Restore { .. } => unreachable!("handled by backup::run"),
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00");
        assert_eq!(utc(951_782_400), "2000-02-29 00:00");
        assert_eq!(utc(1_795_334_400 + 3 * 3600 + 59 * 60), "2026-11-22 11:59");
        assert_eq!(utc(-86_400), "1969-12-31 00:00");
    }
}
