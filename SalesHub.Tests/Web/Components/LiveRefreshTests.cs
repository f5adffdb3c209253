using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Web.Components.Shared;

namespace SalesHub.Tests.Web.Components;

public sealed class LiveRefreshTests : BunitContext
{
    private readonly InProcessChangeFeed _feed = new();

    public LiveRefreshTests()
    {
        Services.AddLogging();
        Services.AddLocalization();
        Services.AddSingleton<IChangeFeed>(_feed);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task TellsItsParentAboutChangesToTheWatchedTypesOnly()
    {
        // The first call the parent gets: changes of other types alone must not make one.
        var told = new TaskCompletionSource<IReadOnlyList<EntityChange>>(TaskCreationOptions.RunContinuationsAsynchronously);
        Render<LiveRefresh>(p => p
            .Add(c => c.EntityTypes, ["Team"])
            .Add(c => c.OnChange, EventCallback.Factory.Create<IReadOnlyList<EntityChange>>(this, changes => told.TrySetResult(changes))));

        await _feed.PublishAsync([new EntityChange("AppUser", 1, AuditAction.Updated, null)]);
        await _feed.PublishAsync([new EntityChange("Team", 7, AuditAction.Updated, null), new EntityChange("AppUser", 2, AuditAction.Created, null)]);

        Assert.Equal([new EntityChange("Team", 7, AuditAction.Updated, null)], await told.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task TheSaverDoesNotWaitWhileAPageReloads()
    {
        // A reload that blocks its thread, as a query on the embedded database does.
        using var reloading = new ManualResetEventSlim();
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Render<LiveRefresh>(p => p
            .Add(c => c.EntityTypes, ["Team"])
            .Add(c => c.OnChange, EventCallback.Factory.Create<IReadOnlyList<EntityChange>>(this, () =>
            {
                reloading.Wait();
                reloaded.SetResult();
            })));

        var publish = Task.Run(() => _feed.PublishAsync([new EntityChange("Team", 7, AuditAction.Updated, null)]));

        await publish.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(reloaded.Task.IsCompleted);
        reloading.Set();
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void StopsListeningWhenThePageGoesAway()
    {
        var cut = Render<LiveRefresh>(p => p.Add(c => c.EntityTypes, ["Team"]));
        Assert.Equal(1, _feed.SubscriberCount);

        cut.Instance.Dispose();

        Assert.Equal(0, _feed.SubscriberCount);
    }

    [Fact]
    public void DoesNotSubscribeWhilePrerendering()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        Render<LiveRefresh>(p => p.Add(c => c.EntityTypes, ["Team"]));

        Assert.Equal(0, _feed.SubscriberCount);
    }
}
