using SalesHub.Core.Customers;

namespace SalesHub.Tests.Core.Customers;

public sealed class CustomerMatchingTests
{
    [Theory]
    [InlineData("Acme Co., Ltd.")]
    [InlineData("ACME Co.,Ltd")]
    [InlineData("acme limited")]
    [InlineData("Acme Inc.")]
    [InlineData("Acme, Incorporated")]
    [InlineData("Acme Corp.")]
    [InlineData("Acme Corporation")]
    [InlineData("Acme LLC")]
    [InlineData("Acme L.L.C.")]
    [InlineData("Acme GmbH")]
    [InlineData("Acme plc")]
    [InlineData("Acme Company")]
    [InlineData("Acme Group Co., Ltd.")]
    [InlineData("Ａｃｍｅ　Ｃｏ．，Ｌｔｄ．")]
    [InlineData("  A-c-m-e  ")]
    public void NameIgnoresFullWidthCaseSpacesAndCompanySuffixes(string name)
    {
        Assert.Equal("acme", CustomerMatching.NormalizeName(name));
    }

    [Theory]
    [InlineData("上海华联")]
    [InlineData("上海华联有限公司")]
    [InlineData("上海华联股份有限公司")]
    [InlineData("上海华联有限责任公司")]
    [InlineData("上海华联集团有限公司")]
    [InlineData("上海华联集团股份有限公司")]
    [InlineData("上海华联集团")]
    [InlineData("上海华联公司")]
    [InlineData("上海华联（集团）有限公司")]
    [InlineData("上海华联 Co., Ltd.")]
    [InlineData("上海华联Co.,Ltd")]
    public void ChineseNameLosesItsLegalForm(string name)
    {
        Assert.Equal("上海华联", CustomerMatching.NormalizeName(name));
    }

    [Theory]
    [InlineData("上海華聯集團有限公司", "上海華聯")]
    [InlineData("台灣積體電路製造股份有限公司", "台灣積體電路製造")]
    [InlineData("香港華聯有限責任公司", "香港華聯")]
    public void TraditionalChineseNameLosesItsLegalForm(string name, string key)
    {
        Assert.Equal(key, CustomerMatching.NormalizeName(name));
    }

    [Theory]
    [InlineData("上海华联有限公司", "上海华联分公司")]
    [InlineData("上海华联有限公司", "上海华联有限公司浦东分公司")]
    [InlineData("上海华联有限公司", "北京华联有限公司")]
    [InlineData("Acme Ltd", "Acme Trading Ltd")]
    [InlineData("Acme 1 Inc", "Acme 2 Inc")]
    public void BranchOrOtherCompanyGetsADifferentKey(string first, string second)
    {
        Assert.NotEqual(CustomerMatching.NormalizeName(first), CustomerMatching.NormalizeName(second));
    }

    [Fact]
    public void BranchKeepsItsBranchSuffix()
    {
        Assert.Equal("上海华联浦东分公司", CustomerMatching.NormalizeName("上海华联浦东分公司"));
    }

    [Theory]
    [InlineData("Company", "company")]
    [InlineData("Limited Company", "limited")]
    [InlineData("Co., Ltd.", "coltd")]
    [InlineData("有限公司", "有限公司")]
    [InlineData("集团有限公司", "集团有限公司")]
    public void NameThatIsOnlyALegalFormKeepsIt(string name, string key)
    {
        Assert.Equal(key, CustomerMatching.NormalizeName(name));
    }

    [Theory]
    [InlineData("Costco", "costco")]
    [InlineData("Zinc", "zinc")]
    [InlineData("Tesco PLC", "tesco")]
    [InlineData("Nabisco Group Inc.", "nabisco")]
    public void LatinLegalFormIsStrippedOnlyAsAWholeWord(string name, string key)
    {
        Assert.Equal(key, CustomerMatching.NormalizeName(name));
    }

    [Theory]
    [InlineData("３M Company", "3m")]
    [InlineData("Café Müller GmbH", "cafémüller")]
    [InlineData("ООО «Ромашка»", "оооромашка")]
    [InlineData("ソニー株式会社", "ソニー株式会社")]
    [InlineData("王丽 (Wang Li)", "王丽wangli")]
    public void NameKeepsLettersAndDigitsOfAnyScript(string name, string key)
    {
        Assert.Equal(key, CustomerMatching.NormalizeName(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void BlankTextGivesEmptyKeys(string? text)
    {
        Assert.Equal(
            ("", "", "", ""),
            (CustomerMatching.NormalizeName(text), CustomerMatching.PhoneDigits(text), CustomerMatching.NormalizeEmail(text), CustomerMatching.SearchKey(text)));
    }

    [Fact]
    public void NameWithAnUnpairedSurrogateStillGetsAKey()
    {
        Assert.Equal("acme", CustomerMatching.NormalizeName("Acme\uD83D Ltd"));
    }

    [Fact]
    public void NameOfOnlyPunctuationGivesAnEmptyKey()
    {
        Assert.Equal("", CustomerMatching.NormalizeName("- / ."));
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("138 0013 8000")]
    [InlineData("+86 138-0013-8000")]
    [InlineData("0086 13800138000")]
    [InlineData("86 13800138000")]
    [InlineData("(+86) 138.0013.8000")]
    [InlineData("１３８００１３８０００")]
    [InlineData("＋８６　１３８－００１３－８０００")]
    public void PhoneDigitsIgnoreFormattingFullWidthAndChinaPrefix(string phone)
    {
        Assert.Equal("13800138000", CustomerMatching.PhoneDigits(phone));
    }

    [Theory]
    [InlineData("021-6234 5678")]
    [InlineData("(021) 62345678")]
    [InlineData("+86 21 6234 5678")]
    [InlineData("+86 (0)21 6234 5678")]
    [InlineData("0086-21-62345678")]
    public void LandlineDialledFromAbroadKeepsItsTrunkZero(string phone)
    {
        Assert.Equal("02162345678", CustomerMatching.PhoneDigits(phone));
    }

    [Theory]
    [InlineData("+44 20 7946 0958", "442079460958")]
    [InlineData("0044 20 7946 0958", "442079460958")]
    [InlineData("8612 3456", "86123456")]
    [InlineData("400-820-8820", "4008208820")]
    public void PhoneDigitsKeepOtherCountryCodesAndShortNumbers(string phone, string digits)
    {
        Assert.Equal(digits, CustomerMatching.PhoneDigits(phone));
    }

    [Theory]
    [InlineData("138 0013 8000")]
    [InlineData("+86 138-0013-8000")]
    [InlineData("(021) 6234.5678")]
    [InlineData("021/62345678")]
    [InlineData("１３８００１３８０００")]
    [InlineData(" +44 20 7946 0958 ")]
    [InlineData("1234567")]
    [InlineData("+123456789012345")]
    public void PhoneWithSevenToFifteenDigitsAndSeparatorsIsValid(string phone)
    {
        Assert.True(CustomerMatching.IsValidPhone(phone));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12ab")]
    [InlineData("123")]
    [InlineData("123456")]
    [InlineData("+86+138")]
    [InlineData("+86+138 0013 8000")]
    [InlineData("86+13800138000")]
    [InlineData("1234567890123456")]
    [InlineData("138 0013 8000 ext 5")]
    [InlineData("138#0013#8000")]
    public void PhoneWithLettersMisplacedPlusOrWrongDigitCountIsInvalid(string? phone)
    {
        Assert.False(CustomerMatching.IsValidPhone(phone));
    }

    [Theory]
    [InlineData("  Wang.Li@Example.COM ", "wang.li@example.com")]
    [InlineData("ｗａｎｇ．ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ", "wang.li@example.com")]
    public void EmailIsTrimmedFoldedAndLowerCased(string email, string normalized)
    {
        Assert.Equal(normalized, CustomerMatching.NormalizeEmail(email));
    }

    [Theory]
    [InlineData("wang.li@example.com.cn")]
    [InlineData("a+tag@b.co")]
    [InlineData(" Wang.Li@Example.com ")]
    [InlineData("ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ")]
    public void EmailWithOneAtAndADottedDomainIsValid(string email)
    {
        Assert.True(CustomerMatching.IsValidEmail(email));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wang.li")]
    [InlineData("a@b")]
    [InlineData("a b@c.com")]
    [InlineData("@c.com")]
    [InlineData("a@@c.com")]
    [InlineData("a@b@c.com")]
    [InlineData("a@.com")]
    [InlineData("a@b.")]
    [InlineData("a@b..com")]
    [InlineData("Wang Li <wang.li@example.com>")]
    public void MalformedEmailIsInvalid(string? email)
    {
        Assert.False(CustomerMatching.IsValidEmail(email));
    }

    [Fact]
    public void EmailLongerThan254CharactersIsInvalid()
    {
        const string Domain = "@example.com";

        Assert.True(CustomerMatching.IsValidEmail(new string('a', 254 - Domain.Length) + Domain));
        Assert.False(CustomerMatching.IsValidEmail(new string('a', 255 - Domain.Length) + Domain));
    }

    [Theory]
    [InlineData("ＡＢＣ  Trading", "abc trading")]
    [InlineData("  Acme\t\n Trading  ", "acme trading")]
    [InlineData("上海　华联", "上海 华联")]
    public void SearchKeyFoldsWidthAndCaseAndCollapsesSpaces(string text, string key)
    {
        Assert.Equal(key, CustomerMatching.SearchKey(text));
    }

    [Fact]
    public void SearchTermFindsStoredTextTypedDifferently()
    {
        Assert.Contains(CustomerMatching.SearchKey("ＡＢＣ  Trading"), CustomerMatching.SearchKey("Abc Trading Co., Ltd."));
    }
}
