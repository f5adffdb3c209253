using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Auditing;
using SalesHub.Core.Catalog;
using SalesHub.Core.Changes;
using SalesHub.Core.Company;
using SalesHub.Core.Contracts;
using SalesHub.Core.Customers;
using SalesHub.Core.Inventory;
using SalesHub.Core.Leads;
using SalesHub.Core.Notifications;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Data;

/// <summary>
/// The one database context. Each operation creates its own (through
/// <see cref="IDbContextFactory{TContext}"/>) and sets <see cref="Actor"/>, which the visibility
/// filters and the audit trail read. Saving versions, audits, soft-deletes and then publishes the
/// saved records on the change feed — inside a transaction, once that transaction commits.
/// </summary>
public class SalesHubDbContext(DbContextOptions options, IChangeFeed changeFeed, TimeProvider clock)
    : IdentityUserContext<AppUser, int>(options)
{
    /// <summary>Named query filter hiding records the actor may not see.</summary>
    public const string VisibilityFilter = "Visibility";

    /// <summary>Named query filter hiding soft-deleted records.</summary>
    public const string RecycleBinFilter = "RecycleBin";

    private readonly List<EntityChange> _uncommitted = [];

    public Actor Actor { get; set; } = Actor.Nobody;

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<RecordShare> RecordShares => Set<RecordShare>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<CustomerAttachment> CustomerAttachments => Set<CustomerAttachment>();

    public DbSet<CustomerGrade> CustomerGrades => Set<CustomerGrade>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<CustomerMerge> CustomerMerges => Set<CustomerMerge>();

    public DbSet<CompanyProfile> CompanyProfiles => Set<CompanyProfile>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<PriceList> PriceLists => Set<PriceList>();

    public DbSet<PriceListItem> PriceListItems => Set<PriceListItem>();

    public DbSet<Quote> Quotes => Set<Quote>();

    public DbSet<QuoteLine> QuoteLines => Set<QuoteLine>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public DbSet<NumberSeries> NumberSeries => Set<NumberSeries>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<PipelineStage> PipelineStages => Set<PipelineStage>();

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<OpportunityStageChange> OpportunityStageChanges => Set<OpportunityStageChange>();

    public DbSet<Lead> Leads => Set<Lead>();

    public DbSet<LeadAssignmentSettings> LeadAssignmentSettings => Set<LeadAssignmentSettings>();

    public DbSet<LeadAssignmentRule> LeadAssignmentRules => Set<LeadAssignmentRule>();

    public DbSet<LeadRoundRobinTurn> LeadRoundRobinTurns => Set<LeadRoundRobinTurn>();

    public DbSet<Warehouse> Warehouses => Set<Warehouse>();

    public DbSet<StockMovement> StockMovements => Set<StockMovement>();

    public DbSet<StockBalance> StockBalances => Set<StockBalance>();

    public DbSet<StockReservation> StockReservations => Set<StockReservation>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<PaymentInstalment> PaymentInstalments => Set<PaymentInstalment>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<ContractAttachment> ContractAttachments => Set<ContractAttachment>();

    internal TimeProvider Clock => clock;

    // Read by the visibility filters: EF evaluates them against the context running the query.
    private int? ActorUserId => Actor.UserId;

    private bool ActorIsAdmin => Actor.IsAdmin;

    private bool ActorIsManager => Actor.IsManager;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var save = new RecordSave(this, clock.GetUtcNow());
        save.Prepare();

        int written;
        try
        {
            written = await save.CommitAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw await RecordSave.DescribeConflictAsync(this, ex, cancellationToken);
        }

        await PublishWhenCommittedAsync(save.PublishedChanges);
        return written;
    }

    /// <summary>
    /// Publishes <paramref name="changes"/> now, or when the current transaction commits (each
    /// change once); a rollback drops them. For changes the save does not see itself (rows moved or
    /// deleted in SQL) as much as for saved records.
    /// </summary>
    internal async Task PublishWhenCommittedAsync(IReadOnlyList<EntityChange> changes)
    {
        if (Database.CurrentTransaction is null)
        {
            // Whatever is still held belonged to a transaction that ended without committing.
            _uncommitted.Clear();
            await changeFeed.PublishAsync(changes);
        }
        else
        {
            _uncommitted.AddRange(changes);
        }
    }

    internal Task PublishCommittedAsync()
    {
        var changes = _uncommitted.Distinct().ToList();
        _uncommitted.Clear();
        return changes.Count == 0 ? Task.CompletedTask : changeFeed.PublishAsync(changes);
    }

    internal void DiscardUncommittedChanges() => _uncommitted.Clear();

    internal Task<int> SaveWithoutRecordRulesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(PublishAfterCommit.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SalesHubDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null).ToList())
        {
            if (typeof(IVersioned).IsAssignableFrom(entityType.ClrType))
            {
                builder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }

            var configure = typeof(BusinessRecord).IsAssignableFrom(entityType.ClrType) ? nameof(ConfigureBusinessRecord)
                : typeof(PooledRecord).IsAssignableFrom(entityType.ClrType) ? nameof(ConfigurePooledRecord)
                : typeof(CustomerPart).IsAssignableFrom(entityType.ClrType) ? nameof(ConfigureCustomerPart)
                : null;
            if (configure is not null)
            {
                typeof(SalesHubDbContext)
                    .GetMethod(configure, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(entityType.ClrType)
                    .Invoke(this, [builder]);
            }
        }
    }

    /// <summary>A customer's parts are visible, and in the live set, exactly when their customer is.</summary>
    private void ConfigureCustomerPart<T>(ModelBuilder builder)
        where T : CustomerPart
    {
        var entity = builder.Entity<T>();
        entity.HasQueryFilter(RecycleBinFilter, e => e.DeletedAt == null);
        entity.HasQueryFilter(VisibilityFilter, e => Set<Customer>().Any(c => c.Id == e.CustomerId));
    }

    private void ConfigureBusinessRecord<T>(ModelBuilder builder)
        where T : BusinessRecord
    {
        var recordType = typeof(T).Name;
        ConfigureOwnedRecord<T>(builder).HasQueryFilter(VisibilityFilter, e =>
            ActorIsAdmin
            || e.OwnerId == ActorUserId
            || (ActorIsManager && Set<Team>().Any(t => t.ManagerId == ActorUserId && t.Members.Any(m => m.Id == e.OwnerId)))
            || Set<RecordShare>().Any(s => s.RecordType == recordType && s.RecordId == e.Id && s.UserId == ActorUserId));
    }

    /// <summary>As a business record, and besides: an unowned record (in the pool) is visible to every signed-in user.</summary>
    private void ConfigurePooledRecord<T>(ModelBuilder builder)
        where T : PooledRecord
    {
        var recordType = typeof(T).Name;
        ConfigureOwnedRecord<T>(builder).HasQueryFilter(VisibilityFilter, e =>
            ActorIsAdmin
            || (e.OwnerId == null && ActorUserId != null)
            || (e.OwnerId != null && e.OwnerId == ActorUserId) // in C#, and so in EF's SQL, null == null: nobody would own the pool
            || (ActorIsManager && Set<Team>().Any(t => t.ManagerId == ActorUserId && t.Members.Any(m => m.Id == e.OwnerId)))
            || Set<RecordShare>().Any(s => s.RecordType == recordType && s.RecordId == e.Id && s.UserId == ActorUserId));
    }

    /// <summary>What records with an owner share: the owner's index and key, and the recycle bin.</summary>
    private static EntityTypeBuilder<T> ConfigureOwnedRecord<T>(ModelBuilder builder)
        where T : TrackedRecord
    {
        var entity = builder.Entity<T>();
        entity.HasIndex(nameof(BusinessRecord.OwnerId));
        entity.HasOne<AppUser>().WithMany().HasForeignKey(nameof(BusinessRecord.OwnerId)).OnDelete(DeleteBehavior.Restrict);
        entity.HasQueryFilter(RecycleBinFilter, e => e.DeletedAt == null);
        return entity;
    }
}
