using System.Linq.Expressions;
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

        var field = sort.Trim();
        var descending = field.StartsWith('-');
        field = descending || field.StartsWith('+') ? field[1..] : field;

        var key = keys.GetValueOrDefault(field)
            ?? throw new DomainException("Errors.InvalidSort", string.Join(", ", keys.Keys)) { Field = "sort" };
        return descending ? records.OrderByDescending(key).ThenByDescending(r => r.Id) : records.OrderBy(key).ThenBy(r => r.Id);
    }
}
