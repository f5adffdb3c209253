using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Auditing;
using SalesHub.Core.Catalog;
using SalesHub.Core.Changes;
using SalesHub.Core.Company;
using SalesHub.Core.Contracts;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Inventory;
using SalesHub.Core.Leads;
using SalesHub.Core.Notifications;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core;

public static class DependencyInjection
{
    /// <summary>The database, identity stores, change feed and domain services.</summary>
    public static IdentityBuilder AddSalesHubCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = database.ResolveConnectionString();
        services.AddOptions<AttachmentOptions>().Bind(configuration.GetSection(AttachmentOptions.Section))
            .PostConfigure(o => o.StorageDirectory = Path.GetFullPath(o.StorageDirectory is { Length: > 0 } folder ? folder : Path.Combine(database.DataDirectory, "attachments")));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IChangeFeed, InProcessChangeFeed>();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextFactory<PostgresSalesHubDbContext>(o => o.UseNpgsql(connectionString));
            services.AddSingleton<IDbContextFactory<SalesHubDbContext>, SalesHubDbContextFactory<PostgresSalesHubDbContext>>();
        }
        else
        {
            services.AddDbContextFactory<SqliteSalesHubDbContext>(o => o
                .UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmas(database.BusyTimeoutMilliseconds)));
            services.AddSingleton<IDbContextFactory<SalesHubDbContext>, SalesHubDbContextFactory<SqliteSalesHubDbContext>>();
        }

        // Identity's stores want a scoped context; it lives for one request or one explicit scope.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SalesHubDbContext>>().CreateDbContext());

        services.AddSingleton<UserAdministration>();
        services.AddSingleton<Accounts>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<RecycleBin>();
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<CustomerContacts>();
        services.AddSingleton<CustomerTimeline>();
        services.AddSingleton<DuplicateDetection>();
        services.AddSingleton<CustomerLookups>();
        services.AddSingleton<CustomerMerging>();
        services.AddSingleton<CustomerRecycleBin>();
        services.AddSingleton<CustomerAttachments>();
        services.AddSingleton<CustomerSettings>();
        services.AddSingleton<CompanySettings>();
        services.AddSingleton<ProductCatalog>();
        services.AddSingleton<PriceLists>();
        services.AddSingleton<QuoteBook>();
        services.AddSingleton<NumberSeriesSettings>();
        services.AddSingleton<OrderBook>();
        services.AddSingleton<CustomerPurchases>();
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<QuoteDocuments>();
        services.AddSingleton<PipelineStages>();
        services.AddSingleton<OpportunityBook>();
        services.AddSingleton<LeadBook>();
        services.AddSingleton<LeadRouting>();
        services.AddSingleton<LeadConversion>();
        services.AddSingleton<Warehouses>();
        services.AddSingleton<StockLedger>();
        services.AddSingleton<StockLevels>();
        services.AddSingleton<PaymentBook>();
        services.AddSingleton<Receivables>();
        services.AddSingleton<ContractBook>();
        services.AddSingleton<ContractAttachments>();

        return services
            .AddIdentityCore<AppUser>(ConfigureIdentity)
            .AddEntityFrameworkStores<SalesHubDbContext>()
            .AddClaimsPrincipalFactory<SalesHubClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>();
    }

    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
