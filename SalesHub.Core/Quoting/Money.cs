namespace SalesHub.Core.Quoting;

/// <summary>
/// Amounts of the company's currency, which always has 2 decimals. <see cref="Round"/> is the one place
/// money is rounded; everything else either works on amounts already rounded or splits them cent by cent.
/// </summary>
public static class Money
{
    /// <summary>The currency's decimals: CNY, USD and EUR all have 2.</summary>
    public const int Decimals = 2;

    /// <summary>Rounds half away from zero to cents (0.005 → 0.01, −0.005 → −0.01), always with 2 decimals (1.5 → 1.50).</summary>
    public static decimal Round(decimal amount) =>
        Math.Round(amount, Decimals, MidpointRounding.AwayFromZero) + 0.00m;

    internal static long ToCents(decimal roundedAmount) => decimal.ToInt64(roundedAmount * 100m);

    internal static decimal FromCents(long cents) => cents * 0.01m;

    /// <summary>
    /// Splits <paramref name="cents"/> over the <paramref name="weights"/> in proportion, exactly: every
    /// share is first rounded down, then the cents left over go one each to the shares that lost the
    /// most, earlier ones first on a tie, so that the shares always add up to the amount.
    /// </summary>
    internal static long[] Allocate(long cents, IReadOnlyList<long> weights)
    {
        var shares = new long[weights.Count];
        long total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        if (total == 0)
        {
            return cents == 0 ? shares : throw new InvalidOperationException($"Cannot split {cents} cents over nothing.");
        }

        var remainders = new long[weights.Count];
        var left = cents;
        for (var i = 0; i < shares.Length; i++)
        {
            var exact = (Int128)cents * weights[i];
            shares[i] = (long)(exact / total);
            remainders[i] = (long)(exact % total);
            left -= shares[i];
        }

        if (left > 0)
        {
            var order = new int[shares.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => remainders[a] != remainders[b] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
            for (var i = 0; i < left; i++)
            {
                shares[order[i]]++;
            }
        }

        return shares;
    }
}
