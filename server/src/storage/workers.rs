//! Organisations, their one-time invitations, and the workers who joined through them.

use async_trait::async_trait;

use crate::clock::UnixSeconds;
use crate::ids::{AccountId, OrganisationId};
use crate::worker_code::WorkerCode;

use super::{
    Account, Invitation, JoinOutcome, NewWorker, Organisation, OrganisationSummary, StorageResult,
    ValidInvitation, WorkerRecord, WorkerState,
};

/// Organisations, invitations and workers.
#[async_trait]
pub trait WorkerStore: Send + Sync {
    /// Creates an organisation; [`StorageError::Conflict`] if its name is taken.
    async fn create_organisation(&self, organisation: &Organisation) -> StorageResult<()>;
    /// The organisation with this id.
    async fn organisation(&self, id: OrganisationId) -> StorageResult<Option<Organisation>>;
    /// The organisation with exactly this name.
    async fn organisation_by_name(&self, name: &str) -> StorageResult<Option<Organisation>>;
    /// Every organisation with its workers counted by state, by name.
    async fn organisations(&self) -> StorageResult<Vec<OrganisationSummary>>;
    /// Stores an invitation.
    async fn create_invitation(&self, invitation: &Invitation) -> StorageResult<()>;
    /// The invitation with this token hash, if it is unused and not expired at `now`.
    async fn valid_invitation(
        &self,
        token_hash: &str,
        now: UnixSeconds,
    ) -> StorageResult<Option<ValidInvitation>>;
    /// In one transaction: uses the invitation (unused, not expired at `now`), creates
    /// `account` (of kind worker) and its worker details in the invitation's organisation,
    /// unverified. Nothing changes unless the outcome is [`JoinOutcome::Joined`].
    async fn join_worker(
        &self,
        token_hash: &str,
        now: UnixSeconds,
        account: &Account,
        worker: &NewWorker,
    ) -> StorageResult<JoinOutcome>;
    /// The worker with this account id.
    async fn worker(&self, id: AccountId) -> StorageResult<Option<WorkerRecord>>;
    /// The worker with this card code.
    async fn worker_by_code(&self, code: WorkerCode) -> StorageResult<Option<WorkerRecord>>;
    /// The workers (of one organisation, or all), by organisation name then real name.
    async fn workers(
        &self,
        organisation: Option<OrganisationId>,
    ) -> StorageResult<Vec<WorkerRecord>>;
    /// Gives the worker `id` the card code `code`; [`StorageError::Conflict`] when another
    /// worker has it.
    async fn set_worker_code(&self, id: AccountId, code: WorkerCode) -> StorageResult<()>;
    /// Sets the state of the worker with this code; answers the updated worker.
    async fn set_worker_state(
        &self,
        code: WorkerCode,
        state: WorkerState,
    ) -> StorageResult<Option<WorkerRecord>>;
}
