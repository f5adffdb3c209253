using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Customers;

/// <summary>A grade with how many of the customers the reader sees carry it.</summary>
public sealed record GradeRow(int Id, string Name, string Color, int SortOrder, int CustomerCount, long Version);

/// <summary>A tag with how many of the customers the reader sees carry it.</summary>
public sealed record TagRow(int Id, string Name, string Color, int CustomerCount, long Version);

/// <summary>
/// The grades (A/B/C/D by default) and coloured tags customers are labelled with. Everybody
/// signed in reads them. Grades belong to administrators: they add, rename, recolour, reorder and
/// delete them (deleting one leaves its customers without a grade). Any signed-in user may create
/// a tag, so that reps label customers on the fly; renaming, recolouring and deleting a tag
/// changes every customer carrying it and is for administrators only. Names are unique, whatever
/// their case.
/// </summary>
public sealed class CustomerSettings(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    public Task<IReadOnlyList<GradeRow>> ListGradesAsync(Actor actor, CancellationToken cancellationToken = default) =>
        GradesAsync<GradeRow>(actor, db => g => new GradeRow(g.Id, g.Name, g.Color, g.SortOrder, db.Customers.Count(c => c.GradeId == g.Id), g.Version), cancellationToken);

    /// <summary>The grades as forms and filters offer them, without the counts the settings page shows.</summary>
    public Task<IReadOnlyList<GradeChip>> ListGradeChipsAsync(Actor actor, CancellationToken cancellationToken = default) =>
        GradesAsync<GradeChip>(actor, _ => g => new GradeChip(g.Id, g.Name, g.Color), cancellationToken);

    public Task<IReadOnlyList<TagRow>> ListTagsAsync(Actor actor, CancellationToken cancellationToken = default) =>
        TagsAsync<TagRow>(actor, _ => t => new TagRow(t.Id, t.Name, t.Color, t.Customers.Count, t.Version), cancellationToken);

    /// <summary>The tags as forms and filters offer them, without the counts the settings page shows.</summary>
    public Task<IReadOnlyList<TagChip>> ListTagChipsAsync(Actor actor, CancellationToken cancellationToken = default) =>
        TagsAsync<TagChip>(actor, _ => t => new TagChip(t.Id, t.Name, t.Color), cancellationToken);

    // The one query for each list, in the order everybody sees it; the projection is given the context for counts.
    private async Task<IReadOnlyList<T>> GradesAsync<T>(
        Actor actor, Func<SalesHubDbContext, Expression<Func<CustomerGrade, T>>> projection, CancellationToken cancellationToken)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        return await db.CustomerGrades.AsNoTracking().OrderBy(g => g.SortOrder).ThenBy(g => g.Name).Select(projection(db)).ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<T>> TagsAsync<T>(
        Actor actor, Func<SalesHubDbContext, Expression<Func<Tag, T>>> projection, CancellationToken cancellationToken)
    {
        actor.RequireSignedIn();
        await using var db = await dbFactory.CreateForAsync(actor);
        return await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(projection(db)).ToListAsync(cancellationToken);
    }

    /// <summary>Adds a grade after the existing ones.</summary>
    public async Task<int> CreateGradeAsync(Actor actor, string name, string? color, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        var grade = new CustomerGrade();
        grade.Describe(name, color);
        await using var db = await dbFactory.CreateForAsync(actor);
        await RequireUniqueGradeNameAsync(db, grade.Name, null, cancellationToken);
        grade.SortOrder = (await db.CustomerGrades.MaxAsync(g => (int?)g.SortOrder, cancellationToken) ?? 0) + 1;
        db.CustomerGrades.Add(grade);
        await SaveUniqueAsync(db, () => RequireUniqueGradeNameAsync(db, grade.Name, null, cancellationToken), cancellationToken);
        return grade.Id;
    }

    public async Task UpdateGradeAsync(Actor actor, int gradeId, string name, string? color, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        var grade = await EditableAsync<CustomerGrade>(db, gradeId, expectedVersion, cancellationToken);
        grade.Describe(name, color);
        await RequireUniqueGradeNameAsync(db, grade.Name, gradeId, cancellationToken);
        await SaveUniqueAsync(db, () => RequireUniqueGradeNameAsync(db, grade.Name, gradeId, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Deletes a grade, leaving the customers that had it (deleted ones included) without a grade
    /// in the same save, so that each of them records the change in its history.
    /// </summary>
    public async Task DeleteGradeAsync(Actor actor, int gradeId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        var grade = await EditableAsync<CustomerGrade>(db, gradeId, expectedVersion, cancellationToken);
        foreach (var customer in await db.Customers.IgnoreQueryFilters().Where(c => c.GradeId == gradeId).ToListAsync(cancellationToken))
        {
            customer.GradeId = null;
        }

        db.CustomerGrades.Remove(grade);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Puts the grades in the given order; <paramref name="gradeIds"/> must name every grade once.</summary>
    public async Task ReorderGradesAsync(Actor actor, IReadOnlyList<int> gradeIds, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        var grades = await db.CustomerGrades.ToDictionaryAsync(g => g.Id, cancellationToken);
        if (gradeIds.Count != grades.Count || !gradeIds.All(grades.ContainsKey) || gradeIds.Distinct().Count() != gradeIds.Count)
        {
            // Somebody added or deleted a grade since the list was read.
            throw new DomainException("Grades.ListChanged") { Field = "gradeIds" };
        }

        for (var i = 0; i < gradeIds.Count; i++)
        {
            grades[gradeIds[i]].SortOrder = i + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Creates a tag; any signed-in user may, to label customers as they go.</summary>
    public async Task<int> CreateTagAsync(Actor actor, string name, string? color, CancellationToken cancellationToken = default)
    {
        actor.RequireSignedIn();
        var tag = new Tag();
        tag.Describe(name, color);
        await using var db = await dbFactory.CreateForAsync(actor);
        await RequireUniqueTagNameAsync(db, tag.Name, null, cancellationToken);
        db.Tags.Add(tag);
        await SaveUniqueAsync(db, () => RequireUniqueTagNameAsync(db, tag.Name, null, cancellationToken), cancellationToken);
        return tag.Id;
    }

    /// <summary>
    /// Renames or recolours a tag. The search text of every customer carrying it (those in the
    /// recycle bin too) changes in the same save, so that searching finds them by the new name at once.
    /// </summary>
    public async Task UpdateTagAsync(Actor actor, int tagId, string name, string? color, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        var tag = await EditableAsync<Tag>(db, tagId, expectedVersion, cancellationToken);
        var previousName = tag.Name;
        tag.Describe(name, color);
        await RequireUniqueTagNameAsync(db, tag.Name, tagId, cancellationToken);
        if (tag.Name != previousName)
        {
            // The tracked tag already carries the new name: the customers loaded here see it.
            foreach (var customer in await CustomersTaggedAsync(db, tagId, cancellationToken))
            {
                customer.RefreshSearchText();
            }
        }

        await SaveUniqueAsync(db, () => RequireUniqueTagNameAsync(db, tag.Name, tagId, cancellationToken), cancellationToken);
    }

    /// <summary>Deletes a tag, taking it off every customer that carries it in the same save.</summary>
    public async Task DeleteTagAsync(Actor actor, int tagId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateForAsync(actor);
        var tag = await EditableAsync<Tag>(db, tagId, expectedVersion, cancellationToken);
        foreach (var customer in await CustomersTaggedAsync(db, tagId, cancellationToken))
        {
            customer.Tags.Remove(tag);
            customer.RefreshSearchText();
        }

        db.Tags.Remove(tag);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every customer carrying the tag, deleted ones included, with what their search text is made of.</summary>
    private static Task<List<Customer>> CustomersTaggedAsync(SalesHubDbContext db, int tagId, CancellationToken cancellationToken) =>
        db.Customers.IgnoreQueryFilters()
            .Include(c => c.Contacts).Include(c => c.Tags)
            .Where(c => c.Tags.Any(t => t.Id == tagId))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    /// <summary>A grade or tag to change, expected at <paramref name="expectedVersion"/>.</summary>
    private static async Task<T> EditableAsync<T>(SalesHubDbContext db, int id, long expectedVersion, CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        var record = await db.Set<T>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(typeof(T).Name, id);
        db.Entry(record).Property(r => r.Version).OriginalValue = expectedVersion;
        return record;
    }

    private static async Task RequireUniqueGradeNameAsync(SalesHubDbContext db, string name, int? exceptId, CancellationToken cancellationToken)
    {
        var key = name.ToLower();
        if (await db.CustomerGrades.AnyAsync(g => g.Name.ToLower() == key && g.Id != exceptId, cancellationToken))
        {
            throw new DomainException("Grades.NameTaken", name) { Field = "name" };
        }
    }

    private static async Task RequireUniqueTagNameAsync(SalesHubDbContext db, string name, int? exceptId, CancellationToken cancellationToken)
    {
        var key = name.ToLower();
        if (await db.Tags.AnyAsync(t => t.Name.ToLower() == key && t.Id != exceptId, cancellationToken))
        {
            throw new DomainException("Tags.NameTaken", name) { Field = "name" };
        }
    }

    /// <summary>Saves; when the unique index refuses a name somebody took in the meantime, says so like the check before.</summary>
    private static async Task SaveUniqueAsync(SalesHubDbContext db, Func<Task> requireUniqueName, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            await requireUniqueName();
            throw;
        }
    }
}
