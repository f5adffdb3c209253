using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Security;

namespace SalesHub.Core.Records;

/// <summary>
/// Saves a new record numbered after the numbers already given ("Q2026-00001", "SO2026-00001"). When
/// somebody took the same number, or another unique value, in the meantime the unique index refuses
/// the save and the whole unit of work is built again, a few times at most.
/// </summary>
internal static class NumberedRecords
{
    private const int Attempts = 3;

    /// <param name="build">Builds the record, number included, in a fresh unit of work.</param>
    /// <param name="clashed">Whether a refused save was such a clash, worth another try; any other failure stands.</param>
    public static async Task<int> SaveNewAsync<TRecord>(
        IDbContextFactory<SalesHubDbContext> dbFactory, Actor actor, Func<SalesHubDbContext, Task<TRecord>> build,
        Func<TRecord, Task<bool>> clashed, CancellationToken cancellationToken)
        where TRecord : class, IRecord
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateForAsync(actor);
            var record = await build(db);
            db.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return record.Id;
            }
            catch (DbUpdateException) when (attempt < Attempts && !cancellationToken.IsCancellationRequested)
            {
                if (!await clashed(record))
                {
                    throw;
                }
            }
        }
    }
}
