using SalesHub.Core.Contracts;
using SalesHub.Core.Errors;

namespace SalesHub.Tests.Core.Contracts;

/// <summary>The contract's rules on the entity, without a database.</summary>
public sealed class ContractTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SigningADraftThatHasNotStartedLeavesItSigned()
    {
        var contract = Draft(Today.AddDays(10), Today.AddYears(1));

        contract.Sign(Today, Today);

        Assert.Equal((ContractStatus.Signed, Today), (contract.Status, contract.SignedOn));
    }

    [Fact]
    public void SigningADraftThatHasStartedMakesItActiveAndOneThatHasEndedExpired()
    {
        var started = Draft(Today.AddDays(-5), Today.AddMonths(6));
        var ended = Draft(Today.AddYears(-2), Today.AddDays(-1));

        started.Sign(Today.AddDays(-6), Today);
        ended.Sign(Today.AddYears(-2), Today);

        Assert.Equal(ContractStatus.Active, started.Status);
        Assert.Equal(ContractStatus.Expired, ended.Status);
    }

    [Fact]
    public void SigningNeedsADateThatIsNotInTheFutureNorAfterTheEnd()
    {
        var contract = Draft(Today, Today.AddYears(1));

        var missing = Assert.Throws<DomainException>(() => contract.Sign(null, Today));
        var future = Assert.Throws<DomainException>(() => contract.Sign(Today.AddDays(1), Today));

        Assert.Equal(("Contracts.SignedOnRequired", "signedOn"), (missing.Code, missing.Field));
        Assert.Equal(("Contracts.SignedInFuture", "signedOn"), (future.Code, future.Field));
        Assert.Equal(ContractStatus.Draft, contract.Status);
    }

    [Fact]
    public void ASignedDateEnteredWithTheTermsIsTheOneSigningUses()
    {
        var contract = new Contract();
        contract.Describe(Terms(Today, Today.AddYears(1)) with { SignedOn = Today.AddDays(-1) });

        contract.Sign(null, Today);

        Assert.Equal((ContractStatus.Active, Today.AddDays(-1)), (contract.Status, contract.SignedOn));
    }

    [Fact]
    public void ASignedContractBecomesActiveOnItsStartDateAndExpiredTheDayAfterItsEnd()
    {
        var contract = Draft(Today.AddDays(3), Today.AddDays(10));
        contract.Sign(Today, Today);

        Assert.False(contract.Advance(Today.AddDays(2)));
        Assert.True(contract.Advance(Today.AddDays(3)));
        Assert.Equal(ContractStatus.Active, contract.Status);
        Assert.False(contract.Advance(Today.AddDays(10)));
        Assert.True(contract.Advance(Today.AddDays(11)));
        Assert.Equal(ContractStatus.Expired, contract.Status);
    }

    [Theory]
    [InlineData(ContractStatus.Draft)]
    [InlineData(ContractStatus.Terminated)]
    [InlineData(ContractStatus.Expired)]
    public void OnlySignedContractsMoveByDate(ContractStatus status)
    {
        Assert.Equal(status, Contract.DueStatus(status, Today.AddYears(-1), Today.AddDays(-1), Today));
    }

    [Fact]
    public void TheEndMayNotComeBeforeTheStartAndBothAreRequired()
    {
        var backwards = Assert.Throws<DomainException>(() => new Contract().Describe(Terms(Today, Today.AddDays(-1))));
        var noStart = Assert.Throws<DomainException>(() => new Contract().Describe(Terms(null, Today)));
        var noEnd = Assert.Throws<DomainException>(() => new Contract().Describe(Terms(Today, null)));

        Assert.Equal(("Contracts.EndBeforeStart", "endsOn"), (backwards.Code, backwards.Field));
        Assert.Equal(("Contracts.StartRequired", "startsOn"), (noStart.Code, noStart.Field));
        Assert.Equal(("Contracts.EndRequired", "endsOn"), (noEnd.Code, noEnd.Field));
        new Contract().Describe(Terms(Today, Today));
    }

    [Theory]
    [InlineData("-0.01", "Contracts.AmountNegative")]
    [InlineData("10.005", "Errors.TooManyDecimals")]
    [InlineData("100000000000", "Errors.AmountTooLarge")]
    public void TheAmountIsExactMoneyAndNotNegative(string amount, string code)
    {
        var error = Assert.Throws<DomainException>(() =>
            new Contract().Describe(Terms(Today, Today.AddYears(1)) with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal((code, "amount"), (error.Code, error.Field));
    }

    [Fact]
    public void AZeroAmountAndATitleAreFineButATitleIsRequired()
    {
        var contract = new Contract();
        contract.Describe(Terms(Today, Today.AddYears(1)) with { Amount = 0m, Title = "  框架协议  " });
        var error = Assert.Throws<DomainException>(() => new Contract().Describe(Terms(Today, Today) with { Title = " " }));

        Assert.Equal(("框架协议", 0m), (contract.Title, contract.Amount));
        Assert.Equal(("Contracts.TitleRequired", "title"), (error.Code, error.Field));
    }

    [Fact]
    public void OnlyADraftsTermsChange()
    {
        var contract = Draft(Today, Today.AddYears(1));
        contract.Sign(Today, Today);

        var error = Assert.Throws<DomainException>(() => contract.Describe(Terms(Today, Today.AddYears(2))));

        Assert.Equal(("Contracts.TermsLocked", "status"), (error.Code, error.Field));
        Assert.Equal(Today.AddYears(1), contract.EndsOn);
    }

    [Fact]
    public void TheReminderIsDueItsDaysBeforeTheEndAndMovesWithIt()
    {
        var contract = Draft(Today, new DateOnly(2027, 3, 31));
        Assert.Equal(new DateOnly(2027, 3, 1), contract.RemindOn);

        contract.Describe(Terms(Today, new DateOnly(2027, 6, 30)));

        Assert.Equal(new DateOnly(2027, 5, 31), contract.RemindOn);
    }

    [Fact]
    public void TerminatingNeedsARunningContractAndAReason()
    {
        var draft = Draft(Today, Today.AddYears(1));
        var running = Draft(Today, Today.AddYears(1));
        running.Sign(Today, Today);

        var notRunning = Assert.Throws<DomainException>(() => draft.Terminate("Customer closed", Now));
        var noReason = Assert.Throws<DomainException>(() => running.Terminate("  ", Now));
        running.Terminate("Customer closed", Now);

        Assert.Equal(("Contracts.CannotTerminate", "status"), (notRunning.Code, notRunning.Field));
        Assert.Equal(("Contracts.TerminationReasonRequired", "reason"), (noReason.Code, noReason.Field));
        Assert.Equal((ContractStatus.Terminated, "Customer closed", Now), (running.Status, running.TerminationReason, running.TerminatedAt));
        Assert.Throws<DomainException>(() => running.Terminate("again", Now));
        Assert.Throws<DomainException>(() => running.Sign(Today, Today));
    }

    private static ContractTerms Terms(DateOnly? startsOn, DateOnly? endsOn) => new("Annual supply", startsOn, endsOn, 120_000.50m, 30);

    private static Contract Draft(DateOnly startsOn, DateOnly endsOn)
    {
        var contract = new Contract();
        contract.Describe(Terms(startsOn, endsOn));
        return contract;
    }
}
