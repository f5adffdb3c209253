using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using SalesHub.Core.Errors;

namespace SalesHub.Core.Records;

/// <summary>
/// How a list sorts by a field name ("name", "-name" for descending), as its pages and the API's
/// <c>sort</c> parameter say: the fields a list offers, the order without one, and the id after every
/// field so that pages never repeat or skip a record. An unknown field is refused naming the known ones.
/// </summary>
public sealed class ListSort<TRecord>(
    IReadOnlyDictionary<string, Expression<Func<TRecord, object?>>> keys,
    Func<IQueryable<TRecord>, IOrderedQueryable<TRecord>> unsorted)
    where TRecord : TrackedRecord
{
    public IReadOnlyCollection<string> Fields => keys.Keys.ToList();

    public IOrderedQueryable<TRecord> Apply(IQueryable<TRecord> records, string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return unsorted(records);
        }

        var (key, descending) = Key(sort);
        return descending ? records.OrderByDescending(key).ThenByDescending(r => r.Id) : records.OrderBy(key).ThenBy(r => r.Id);
    }

    /// <summary>
    /// The records that come after the one with sort value <paramref name="value"/> and id <paramref name="id"/>
    /// in <see cref="Apply"/>'s order for the field <paramref name="sort"/> (keyset paging: records that moved
    /// between two pages are neither skipped nor repeated). For fields without nulls.
    /// </summary>
    public IQueryable<TRecord> After(IQueryable<TRecord> records, string sort, object value, int id)
    {
        var (key, descending) = Key(sort);
        var record = key.Parameters[0];
        var field = key.Body is UnaryExpression { NodeType: ExpressionType.Convert } boxed ? boxed.Operand : key.Body;
        // A captured value, so that the database gets a parameter rather than a literal.
        Expression last = Expression.Convert(Expression.Field(Expression.Constant(new StrongBox<object>(value)), nameof(StrongBox<object>.Value)), field.Type);
        Expression lastId = Expression.Field(Expression.Constant(new StrongBox<int>(id)), nameof(StrongBox<int>.Value));
        var recordId = Expression.Property(record, nameof(TrackedRecord.Id));
        Expression beyond = field.Type == typeof(string)
            ? Expression.MakeBinary(descending ? ExpressionType.LessThan : ExpressionType.GreaterThan,
                Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, field, last), Expression.Constant(0))
            : Expression.MakeBinary(descending ? ExpressionType.LessThan : ExpressionType.GreaterThan, field, last);
        var tie = Expression.AndAlso(Expression.Equal(field, last),
            Expression.MakeBinary(descending ? ExpressionType.LessThan : ExpressionType.GreaterThan, recordId, lastId));
        return records.Where(Expression.Lambda<Func<TRecord, bool>>(Expression.OrElse(beyond, tie), record));
    }

    private (Expression<Func<TRecord, object?>> Key, bool Descending) Key(string sort)
    {
        var field = sort.Trim();
        var descending = field.StartsWith('-');
        field = descending || field.StartsWith('+') ? field[1..] : field;
        var key = keys.GetValueOrDefault(field)
            ?? throw new DomainException("Errors.InvalidSort", string.Join(", ", keys.Keys)) { Field = "sort" };
        return (key, descending);
    }
}
