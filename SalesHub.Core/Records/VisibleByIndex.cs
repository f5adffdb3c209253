using SalesHub.Core.Data;

namespace SalesHub.Core.Records;

/// <summary>
/// The records the visibility filter lets a rep or manager see — their own, their teams' and those
/// shared with them — restated as lookups by owner and by id. The filter's own form, one condition that
/// also lets administrators through, makes SQLite test every record; this one lets it fetch a rep's or a
/// team's few thousand from the owner index. The filter still applies on top.
/// </summary>
internal static class VisibleByIndex
{
    public static IQueryable<TRecord> Of<TRecord>(SalesHubDbContext db, IQueryable<TRecord> records)
        where TRecord : BusinessRecord
    {
        if (db.Actor.IsAdmin)
        {
            return records;
        }

        var userId = db.Actor.UserId;
        var owners = db.Actor.IsManager
            ? db.Users.Where(u => u.Id == userId || db.Teams.Any(t => t.ManagerId == userId && t.Id == u.TeamId)).Select(u => u.Id)
            : db.Users.Where(u => u.Id == userId).Select(u => u.Id);
        var shared = db.RecordShares.Where(s => s.RecordType == typeof(TRecord).Name && s.UserId == userId).Select(s => s.RecordId);
        return records.Where(r => owners.Contains(r.OwnerId) || shared.Contains(r.Id));
    }
}
