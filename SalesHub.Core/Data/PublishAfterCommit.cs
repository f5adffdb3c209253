using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesHub.Core.Data;

/// <summary>
/// Holds back what a context saved inside a transaction until that transaction commits, and drops
/// it when the transaction rolls back or fails: nobody hears of a change that is not in the database.
/// </summary>
internal sealed class PublishAfterCommit : DbTransactionInterceptor
{
    public static PublishAfterCommit Instance { get; } = new();

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        // A transaction disposed without a commit or a rollback left its changes behind.
        Discard(eventData);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Discard(eventData);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        eventData.Context is SalesHubDbContext db ? db.PublishCommittedAsync() : Task.CompletedTask;

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Discard(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData);
        return Task.CompletedTask;
    }

    private static void Discard(DbContextEventData eventData) => (eventData.Context as SalesHubDbContext)?.DiscardUncommittedChanges();
}
