using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Components.Pipeline;

/// <summary>
/// The test database behind a gate a test holds and lets go: while held, every unit of work waits
/// before it starts, so a test decides when a slow call ends, and counts how many started.
/// </summary>
internal sealed class HeldDatabase(TestDatabase database) : IDbContextFactory<SalesHubDbContext>
{
    private TaskCompletionSource _gate = Open();
    private int _started;

    /// <summary>How many units of work asked for a context, waiting ones included.</summary>
    public int Started => Volatile.Read(ref _started);

    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void LetGo() => _gate.TrySetResult();

    public SalesHubDbContext CreateDbContext() => database.CreateDbContext();

    public async Task<SalesHubDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _started);
        await _gate.Task.WaitAsync(cancellationToken);
        return database.CreateDbContext();
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
