using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SalesHub.Core.Changes;

/// <summary>The change feed of a single app node: delivers to the subscribers of this process.</summary>
public sealed class InProcessChangeFeed(ILogger<InProcessChangeFeed>? logger = null) : IChangeFeed
{
    private readonly ILogger _logger = logger ?? NullLogger<InProcessChangeFeed>.Instance;
    private ImmutableList<Func<IReadOnlyList<EntityChange>, Task>> _handlers = [];

    public int SubscriberCount => _handlers.Count;

    public async Task PublishAsync(IReadOnlyList<EntityChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var handler in _handlers)
        {
            try
            {
                await handler(changes);
            }
            catch (Exception ex)
            {
                // One broken subscriber (a closed circuit, say) must not keep the others from hearing.
                _logger.LogWarning(ex, "A change feed subscriber failed");
            }
        }
    }

    public IDisposable Subscribe(Func<IReadOnlyList<EntityChange>, Task> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _handlers, list => list.Remove(handler)));
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
