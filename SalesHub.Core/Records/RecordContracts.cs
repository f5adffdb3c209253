namespace SalesHub.Core.Records;

/// <summary>A record with an integer identity, the unit the audit trail and change feed speak of.</summary>
public interface IRecord
{
    int Id { get; }
}

/// <summary>
/// A record that carries an app-managed version number, used as its concurrency token. The
/// database context sets and increments it; a save based on an older version is refused.
/// </summary>
public interface IVersioned : IRecord
{
    long Version { get; set; }
}

/// <summary>Every create, update and delete of such a record is written to the audit trail.</summary>
public interface IAudited : IRecord;

/// <summary>A record that goes to the recycle bin instead of being deleted.</summary>
public interface ISoftDeletable : IRecord
{
    DateTimeOffset? DeletedAt { get; set; }

    int? DeletedById { get; set; }
}

/// <summary>A record meant for one user only (a notification): its changes tell the change feed whom they are for.</summary>
public interface IAddressedRecord : IRecord
{
    int RecipientId { get; }
}
