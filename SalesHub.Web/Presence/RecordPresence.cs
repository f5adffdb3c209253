using SalesHub.Core.Security;

namespace SalesHub.Web.Presence;

/// <summary>Another user who has a record open, once however many tabs they use; editing when any tab has unsaved changes.</summary>
public sealed record PresentUser(int UserId, string DisplayName, bool Editing);

/// <summary>
/// Who has which record open, for pages to show "Li is viewing" or "Li is editing". A page joins when it
/// opens a record and disposes its <see cref="PresenceSession"/> when it leaves (a dying circuit disposes its
/// components too). Each session is told when the other users it would show change. Kept in this process:
/// with several app nodes it would move to the Redis backplane.
/// </summary>
public sealed class RecordPresence(ILogger<RecordPresence> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Type, int Id), List<PresenceSession>> _records = [];
    private readonly List<(string Type, Func<Task> OnChanged)> _watchers = [];

    /// <summary>
    /// Registers <paramref name="actor"/> as having the record open. <paramref name="onOthersChanged"/> is called,
    /// on the thread of whoever made the change, whenever the session's <see cref="PresenceSession.Others"/> change;
    /// a component passes its own InvokeAsync there.
    /// </summary>
    public PresenceSession Join(string recordType, int recordId, Actor actor, Func<Task> onOthersChanged)
    {
        var userId = actor.UserId ?? throw new ArgumentException("Only a signed-in user has records open.", nameof(actor));
        var session = new PresenceSession(this, (recordType, recordId), userId, actor.DisplayName, onOthersChanged);
        Change(session, sessions => sessions.Add(session));
        return session;
    }

    /// <summary>
    /// Calls <paramref name="onEditorsChanged"/> whenever someone starts or stops editing a record of the type,
    /// for a list of records (the pipeline board) to show <see cref="EditorsOf"/>; disposing it stops.
    /// </summary>
    public IDisposable WatchEditors(string recordType, Func<Task> onEditorsChanged)
    {
        var watcher = (recordType, onEditorsChanged);
        lock (_lock)
        {
            _watchers.Add(watcher);
        }

        return new Unwatch(this, watcher);
    }

    /// <summary>The users other than <paramref name="actor"/> editing each record of the type that someone edits, by record id.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> EditorsOf(string recordType, Actor actor)
    {
        lock (_lock)
        {
            return _records.Where(r => r.Key.Type == recordType)
                .Select(r => (r.Key.Id, Names: Others(r.Value, actor.UserId ?? 0).Where(u => u.Editing).Select(u => u.DisplayName).ToList()))
                .Where(r => r.Names.Count > 0)
                .ToDictionary(r => r.Id, IReadOnlyList<string> (r) => r.Names);
        }
    }

    /// <summary>The users other than the session's own who have its record open, by name.</summary>
    internal IReadOnlyList<PresentUser> OthersOf(PresenceSession session)
    {
        lock (_lock)
        {
            return _records.TryGetValue(session.Key, out var sessions) ? Others(sessions, session.UserId) : [];
        }
    }

    /// <summary>
    /// Applies one change to the sessions of a record, then tells every other session whose view changed and,
    /// when someone started or stopped editing, the type's watchers.
    /// </summary>
    internal void Change(PresenceSession origin, Action<List<PresenceSession>> change)
    {
        var changed = new List<Func<Task>>();
        lock (_lock)
        {
            if (!_records.TryGetValue(origin.Key, out var sessions))
            {
                sessions = [];
                _records[origin.Key] = sessions;
            }

            var editorsBefore = Editors(sessions);
            change(sessions);
            if (!Editors(sessions).SetEquals(editorsBefore))
            {
                changed.AddRange(_watchers.Where(w => w.Type == origin.Key.Type).Select(w => w.OnChanged));
            }

            foreach (var session in sessions)
            {
                var others = Others(sessions, session.UserId);
                if (!others.SequenceEqual(session.LastSeen))
                {
                    session.LastSeen = others;
                    if (session != origin)
                    {
                        changed.Add(session.OnOthersChanged);
                    }
                }
            }

            if (sessions.Count == 0)
            {
                _records.Remove(origin.Key);
            }
        }

        foreach (var notify in changed)
        {
            // One slow page does not hold up the user who caused the change.
            _ = notify().ContinueWith(
                t => logger.LogWarning(t.Exception, "Presence update failed"), TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    private static HashSet<int> Editors(List<PresenceSession> sessions) => sessions.Where(s => s.Editing).Select(s => s.UserId).ToHashSet();

    private static List<PresentUser> Others(List<PresenceSession> sessions, int userId) =>
        sessions.Where(s => s.UserId != userId)
            .GroupBy(s => s.UserId)
            .Select(g => new PresentUser(g.Key, g.First().DisplayName, g.Any(s => s.Editing)))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .ThenBy(u => u.UserId)
            .ToList();

    private sealed class Unwatch(RecordPresence registry, (string Type, Func<Task> OnChanged) watcher) : IDisposable
    {
        public void Dispose()
        {
            lock (registry._lock)
            {
                registry._watchers.Remove(watcher);
            }
        }
    }
}

/// <summary>One page's hold on a record in <see cref="RecordPresence"/>; disposing it leaves the record.</summary>
public sealed class PresenceSession : IDisposable
{
    private readonly RecordPresence _registry;
    private bool _disposed;

    internal PresenceSession(RecordPresence registry, (string Type, int Id) key, int userId, string displayName, Func<Task> onOthersChanged)
    {
        _registry = registry;
        (Key, UserId, DisplayName, OnOthersChanged) = (key, userId, displayName, onOthersChanged);
    }

    internal (string Type, int Id) Key { get; }

    internal int UserId { get; }

    internal string DisplayName { get; }

    internal Func<Task> OnOthersChanged { get; }

    /// <summary>Whether this page has unsaved changes.</summary>
    internal bool Editing { get; private set; }

    /// <summary>What this session was last told about the others.</summary>
    internal IReadOnlyList<PresentUser> LastSeen { get; set; } = [];

    /// <summary>The other users who have the record open now.</summary>
    public IReadOnlyList<PresentUser> Others => _registry.OthersOf(this);

    /// <summary>Tells the others whether this page has unsaved changes.</summary>
    public void SetEditing(bool editing)
    {
        if (!_disposed)
        {
            _registry.Change(this, _ => Editing = editing);
        }
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _registry.Change(this, sessions => sessions.Remove(this));
        }
    }
}
