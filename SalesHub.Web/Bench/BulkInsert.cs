using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SalesHub.Web.Bench;

/// <summary>
/// Writes the rows of one table through a single prepared SQLite command inside the caller's
/// transaction. Columns, their names and value conversions (times as numbers, enums as text) come
/// from the EF model, so a row holds what EF itself would have written — without change tracking,
/// which would take far longer than the measurements for a million rows.
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    private readonly IReadOnlyList<IProperty> _columns;
    private readonly ValueConverter?[] _converters;
    private readonly SqliteCommand _command;

    private BulkInsert(SqliteTransaction transaction, IEntityType table, IReadOnlyList<IProperty> columns)
    {
        _columns = columns;
        _converters = columns.Select(c => c.GetTypeMapping().Converter).ToArray();
        var storeObject = StoreObjectIdentifier.Table(table.GetTableName()!, table.GetSchema());
        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText =
            $"INSERT INTO \"{storeObject.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(storeObject)}\""))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Count; i++)
        {
            _command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
        }

        _command.Prepare();
    }

    /// <summary>Every mapped column of <paramref name="entityType"/>'s table, the key included: rows are given their ids.</summary>
    public static BulkInsert AllColumns(SqliteTransaction transaction, IEntityType entityType) =>
        new(transaction, entityType, entityType.GetProperties().ToList());

    /// <summary>The named columns only; the others get their database defaults (an autoincrement key, say).</summary>
    public static BulkInsert Columns(SqliteTransaction transaction, IEntityType entityType, params string[] names) =>
        new(transaction, entityType, names.Select(n => entityType.FindProperty(n) ?? throw new ArgumentException($"{entityType.DisplayName()} has no property {n}.")).ToList());

    /// <summary>
    /// Inserts <paramref name="entity"/>'s values, with <paramref name="id"/> as its key when the key is one of the columns,
    /// and <paramref name="values"/> (by property name) for what the entity only lets Core set.
    /// </summary>
    public void Insert(object entity, long id = 0, IReadOnlyDictionary<string, object?>? values = null) =>
        InsertValues(_columns.Select(c =>
            c.IsPrimaryKey() ? id
            : values is not null && values.TryGetValue(c.Name, out var value) ? value
            : c.GetGetter().GetClrValueUsingContainingEntity(entity)).ToArray());

    /// <summary>Inserts one row from values in the order of the columns, as the entity would hold them.</summary>
    public void InsertValues(params object?[] values)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            var value = values[i] is { } clr && _converters[i] is { } converter ? converter.ConvertToProvider(clr) : values[i];
            _command.Parameters[i].Value = value ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
