namespace SalesHub.Core.Changes;

/// <summary>
/// Tells whoever listens which records were saved. Subscribers get each batch of changes of one
/// save; disposing the returned subscription stops delivery.
/// </summary>
public interface IChangeFeed
{
    Task PublishAsync(IReadOnlyList<EntityChange> changes);

    IDisposable Subscribe(Func<IReadOnlyList<EntityChange>, Task> handler);
}
