<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SparkDeck::ApplicationModel</name>
    <message>
        <location filename="../core/monitor/applicationmodel.cpp" line="+86"/>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory per executor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running for</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterFileLoader</name>
    <message>
        <location filename="../core/spec/clusterfileloader.cpp" line="+42"/>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the file is not UTF-8 text (byte 0x%1); a cluster file is YAML text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file holds a NUL byte; a cluster file is YAML text, not binary data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;%1&apos; must be a mapping of keys, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a key %1 must be a plain word, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>duplicate key &apos;%1&apos;; it is already set at line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&apos;%1&apos; does not belong in a cluster file: cluster files are shared, so secrets never live in them. SparkDeck asks for passwords when it connects and keeps keys in files you name by path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown key &apos;%1&apos; %2; did you mean &apos;%3&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown key &apos;%1&apos; %2; expected one of: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;%1&apos; must be %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; must be a whole number, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; must be between %2 and %3, not %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; must be true or false, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>expected one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did you mean &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown %1 &apos;%2&apos;; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&apos;%1&apos; must be a list of hosts (lines starting with &apos;- &apos;), not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>host %1 in &apos;%2&apos; must be an address or a mapping with &apos;address:&apos;, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+92"/>
        <source>YAML syntax error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the file is empty; a cluster file needs at least a line such as &apos;name: demo&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the file nests lists or mappings more than %1 levels deep; a cluster file needs 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a cluster file is a mapping of keys such as &apos;name:&apos; and &apos;workers:&apos;, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the file is %1 MiB; a cluster file is a few lines of YAML</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterFileWriter</name>
    <message>
        <location filename="../core/spec/clusterfilewriter.cpp" line="+108"/>
        <source>SparkDeck cluster file. It holds no secrets: passwords are asked for, keys stay in the files named here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>names services, volumes and the state folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a path, never the key itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>fetched from &lt;distribution&gt;.sha512</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>used by deploy: swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the master, or an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>path on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>path on every worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot write %1: %2. Choose another folder or free some space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot save %1: %2. The previous file is unchanged; free some space and save again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterSpecValidator</name>
    <message>
        <location filename="../core/spec/clusterspecvalidator.cpp" line="+65"/>
        <source>the cluster has no name; add a line such as &apos;name: demo&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name &apos;%1&apos; must start with a lowercase letter and hold only lowercase letters, digits and dashes, at most %2 characters (it names services, volumes and the state folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>provider &apos;existing&apos; needs at least one host under &apos;machines.hosts&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;machines.hosts&apos; lists machines for provider &apos;existing&apos; only; provider &apos;%1&apos; makes its own machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>host %1 in &apos;machines.hosts&apos; has no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host address &apos;%1&apos; is neither an IP address nor a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>host %1 is listed twice (first at line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+19"/>
        <source>user &apos;%1&apos; is not a valid login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <source>only one host can have &apos;role: master&apos; (the host at line %1 has it already)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&apos;%1&apos; holds a key, not a path; cluster files are shared, so keys never live in them. Save the key to a file and give its path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is empty; give the path of your private key, such as ~/.ssh/id_ed25519</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>path &apos;%1&apos; holds control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Spark version &apos;%1&apos; is not a release number such as &quot;3.5.8&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spark %1 is too old; SparkDeck needs %2 or later (graceful worker decommission)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sha512 must be 128 hexadecimal digits, or null to fetch it from &lt;distribution&gt;.sha512</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>image &apos;%1&apos; is not a Docker image name such as apache/spark:3.5.8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;%1&apos; is plain http, which anyone on the way can tamper with; use https or a local file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; is not a valid https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>distribution &apos;%1&apos; must be an https URL or the absolute path of a local .tgz file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the distribution is Spark %1 but &apos;spark.version&apos; says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&apos;workers.count&apos; is %1 but the file lists %2 hosts; standalone mode runs one worker per host (the master&apos;s host included, last). Add hosts or lower the count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>shared folder server &apos;%1&apos; must be &apos;master&apos; or a host address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>path &apos;%1&apos; must be absolute, not &apos;/&apos; itself, without &apos;..&apos;, and hold only letters, digits and . _ - + @ /</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterTemplates</name>
    <message>
        <location filename="../gui/app/clustertemplates.cpp" line="+22"/>
        <source>&amp;This Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A master and two workers on this computer: the quickest way to try Spark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Classroom or Lab Machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A master and three workers on machines you already have, reached over SSH</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterWindow</name>
    <message>
        <location filename="../gui/dashboard/clusterwindow.cpp" line="+96"/>
        <location line="+218"/>
        <source>&amp;Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-216"/>
        <source>&amp;Show the Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+218"/>
        <source>&amp;Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-211"/>
        <location line="+214"/>
        <source>Web &amp;UI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-147"/>
        <source>One worker less (then Scale to apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One worker less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One worker more (then Scale to apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One worker more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rever&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Running Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Running applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter or double-click: the application&apos;s own page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No application is running. Submit one to the master URL above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+479"/>
        <location line="+12"/>
        <source>Bring &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-488"/>
        <source>Install, configure and start Spark on every host; on a running cluster, only check that all is in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tear Down…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop Spark everywhere and remove what SparkDeck installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+472"/>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-469"/>
        <source>Open the way to the master again and read its status now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit Cluster File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Presentation Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Larger text and tiles, for a projector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+165"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-142"/>
        <source>&amp;Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+77"/>
        <location line="+274"/>
        <source>Not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-245"/>
        <source>Cannot Use the Changed Cluster File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cluster file changed: read it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 — Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Bringing up “%1”: a master and %n worker(s)</source>
        <translation>
            <numerusform>Bringing up “%1”: a master and %n worker</numerusform>
            <numerusform>Bringing up “%1”: a master and %n workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Scaling “%1” to %n worker(s)</source>
        <translation>
            <numerusform>Scaling “%1” to %n worker</numerusform>
            <numerusform>Scaling “%1” to %n workers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tearing down “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+79"/>
        <source>Cannot Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-79"/>
        <source>“%1” is not running: bring it up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Tear Down “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tear down cluster “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>This stops the Spark master and its %n worker(s), and removes everything SparkDeck installed for this cluster: the folder %1 (Spark, its configuration, logs and the cluster&apos;s secret) on %2.</source>
        <translation>
            <numerusform>This stops the Spark master and its %n worker, and removes everything SparkDeck installed for this cluster: the folder %1 (Spark, its configuration, logs and the cluster&apos;s secret) on %2.</numerusform>
            <numerusform>This stops the Spark master and its %n workers, and removes everything SparkDeck installed for this cluster: the folder %1 (Spark, its configuration, logs and the cluster&apos;s secret) on %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n running application(s) will be stopped.</source>
        <translation>
            <numerusform>%n running application will be stopped.</numerusform>
            <numerusform>%n running applications will be stopped.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cluster file %1 stays: Bring Up builds the cluster again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tear Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep the Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cannot Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+62"/>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1…
%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>“%1” is up: master %2 with %n worker(s).</source>
        <translation>
            <numerusform>“%1” is up: master %2 with %n worker.</numerusform>
            <numerusform>“%1” is up: master %2 with %n workers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>“%1” now has %n worker(s).</source>
        <translation>
            <numerusform>“%1” now has %n worker.</numerusform>
            <numerusform>“%1” now has %n workers.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is torn down. The cluster file stays; Bring Up builds it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Partly done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled; nothing is half-written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+102"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-102"/>
        <location line="+114"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="-59"/>
        <source>“%1” is not running. Bring it up to install and start Spark on its machines (%n worker(s)).</source>
        <translation>
            <numerusform>“%1” is not running. Bring it up to install and start Spark on its machines (%n worker).</numerusform>
            <numerusform>“%1” is not running. Bring it up to install and start Spark on its machines (%n workers).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The Spark master cannot be reached.
%1
Reconnect when it is back; Bring Up starts whatever is stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Master not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connecting to the Spark master…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>bring up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tear down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The last run (%1, started %2) did not finish: SparkDeck was closed or stopped while it ran. Resume it: what is done is only checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The last run (%1, started %2) was cancelled. Resume it: what is done is only checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last run (%1, started %2) failed: %3
Fix the cause, then retry: what is done is only checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>(Resuming brings the cluster to the file&apos;s %n worker(s).)</source>
        <translation>
            <numerusform>(Resuming brings the cluster to the file&apos;s %n worker.)</numerusform>
            <numerusform>(Resuming brings the cluster to the file&apos;s %n workers.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>&amp;Scale to %n Worker(s)</source>
        <translation>
            <numerusform>&amp;Scale to %n Worker</numerusform>
            <numerusform>&amp;Scale to %n Workers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An operation is running; the tiles follow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring the cluster up to choose its number of workers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n new worker(s) will start.</source>
        <translation>
            <numerusform>%n new worker will start.</numerusform>
            <numerusform>%n new workers will start.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n worker(s) will be decommissioned gracefully: their running tasks finish first.</source>
        <translation>
            <numerusform>%n worker will be decommissioned gracefully: their running tasks finish first.</numerusform>
            <numerusform>%n workers will be decommissioned gracefully: their running tasks finish first.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drag the handle after the last tile, or use − and +, to choose the number of workers (%1 to %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+123"/>
        <source>&amp;Open the Master UI in the System Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This build of SparkDeck has no embedded browser. The Spark master&apos;s web UI: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Spark master&apos;s web UI cannot be reached now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Stop and Close?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop it and close? Every step stops within a second and nothing is left half-written; the next time you open the cluster, SparkDeck offers to resume where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stop and Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep Running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::CodeEditor</name>
    <message>
        <location filename="../gui/app/codeeditor.cpp" line="+290"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at line %2, column %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::DiagnosticsModel</name>
    <message>
        <location filename="../core/spec/diagnosticsmodel.cpp" line="+37"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Line:Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ExecResult</name>
    <message>
        <location filename="../core/ssh/execresult.cpp" line="+12"/>
        <source>killed by signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::HostKeyPrompter</name>
    <message>
        <location filename="../gui/dashboard/hostkeyprompter.cpp" line="+45"/>
        <source>New Host Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SparkDeck has not seen %1 before. Do you trust its host key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;Its %1 key has the fingerprint&lt;/p&gt;&lt;p style=&quot;white-space:pre&quot;&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Trust it only if it matches what the machine itself shows (&lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub&lt;/tt&gt;, or ask its administrator). A trusted key is saved to %3.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Trust and Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refuse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::HostProgressModel</name>
    <message>
        <location filename="../core/provisioning/hostprogressmodel.cpp" line="+106"/>
        <source>already done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>All %n step(s) done</source>
        <translation>
            <numerusform>All %n step done</numerusform>
            <numerusform>All %n steps done</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 steps ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::HostsPage</name>
    <message numerus="yes">
        <location filename="../gui/wizard/hostspage.cpp" line="+380"/>
        <source>%n host(s) already listed, not added again.</source>
        <translation>
            <numerusform>%n host already listed, not added again.</numerusform>
            <numerusform>%n hosts already listed, not added again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+65"/>
        <source>%n host(s) need your attention: see the Status column.</source>
        <translation>
            <numerusform>%n host needs your attention: see the Status column.</numerusform>
            <numerusform>%n hosts need your attention: see the Status column.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n host(s): one master and %1.</source>
        <translation>
            <numerusform>%n host: one master and %1.</numerusform>
            <numerusform>%n hosts: one master and %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n worker host(s)</source>
        <translation>
            <numerusform>%n worker host</numerusform>
            <numerusform>%n worker hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>Checking %n host(s)…</source>
        <translation>
            <numerusform>Checking %n host…</numerusform>
            <numerusform>Checking %n hosts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+125"/>
        <source>All %n host(s) answered.</source>
        <translation>
            <numerusform>The host answered.</numerusform>
            <numerusform>All %n hosts answered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n host(s) answered; see the Status column.</source>
        <translation>
            <numerusform>%1 of %n host answered; see the Status column.</numerusform>
            <numerusform>%1 of %n hosts answered; see the Status column.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SparkDeck::Internal::TunnelConnection</name>
    <message>
        <location filename="../core/ssh/tunnelconnection.cpp" line="+57"/>
        <source>No SSH session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A client spoke something other than SOCKS5 to the tunnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The SOCKS client wants authentication; the tunnel offers none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The SOCKS client asked for something other than CONNECT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The SOCKS client used an unknown address type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 could not open a connection to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Writing to %1 through %2 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reading from %1 through %2 failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::KnownHosts</name>
    <message>
        <location filename="../core/ssh/knownhosts.cpp" line="+90"/>
        <source>Cannot read the known hosts file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+131"/>
        <source>No known hosts file is set, so the host key of %1 cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot create the directory %1 for the known hosts file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <source>Cannot write the known hosts file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::MainWindow</name>
    <message>
        <location filename="../gui/app/mainwindow.cpp" line="+82"/>
        <source>Cluster file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cluster file, in YAML. Problems are underlined as you type. Tab indents with spaces; Ctrl+Tab moves to the problems list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+79"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a cluster file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the cluster file as it is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the cluster file under another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close SparkDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the cursor to the next problem in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the cursor to the previous problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;witch Between Editor and Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About SparkDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New cluster file from a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>New cluster file from a template: edit it, then save it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+8"/>
        <location line="+7"/>
        <location line="+10"/>
        <source>Cannot Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-25"/>
        <source>“%1” is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a cluster file inside it, usually a .yaml file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SparkDeck could not open “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1.

Check that the file exists and that you are allowed to read it, then open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is %2 MiB, far too large for a cluster file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A cluster file is a short YAML text of a few hundred bytes. Choose the .yaml file that describes your cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SparkDeck could not read “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1.

Check the disk or the network share, then open the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File Will Change When Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is not plain UTF-8 text with one kind of line ending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SparkDeck shows it as well as it can. If you save it, it is written as UTF-8 text with %1 line endings; keep a copy if other programs need the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unix (LF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Windows (CRLF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SparkDeck could not save “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1.

Your text is still here in the editor and the old file is unchanged. Choose File › Save As… to save it in another folder, or make room on the disk and save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open Cluster File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Cluster files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save Cluster File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If you don&apos;t save them, your changes are lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the text is larger than %1 MiB; a cluster file is a few lines of YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Valid cluster &apos;%1&apos;, %n warning(s)</source>
        <translation>
            <numerusform>Valid cluster &apos;%1&apos;, %n warning</numerusform>
            <numerusform>Valid cluster &apos;%1&apos;, %n warnings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid cluster &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Problems: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Problems: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Line %1, Column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+79"/>
        <source>&amp;Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About SparkDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;SparkDeck %1&lt;/h3&gt;&lt;p&gt;A working Apache Spark cluster on the machines you have.&lt;/p&gt;&lt;p&gt;Describe the cluster in a cluster file; SparkDeck checks it as you type.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::MasterMonitor</name>
    <message>
        <location filename="../core/monitor/mastermonitor.cpp" line="+34"/>
        <source>SSH tunnel to %1:%2 through localhost:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+108"/>
        <source>%1 (SSH: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::MemorySize</name>
    <message>
        <location filename="../core/spec/memorysize.cpp" line="+26"/>
        <source>memory &apos;%1&apos; has no unit; Spark would read it as bytes. Write it with a unit, such as %1m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>memory &apos;%1&apos; is not a size; write a whole number and a unit, like 512m or 2g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>memory &apos;%1&apos; is far too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>memory &apos;%1&apos; is below 1 MiB; Spark refuses to start a worker that small</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::Plan</name>
    <message>
        <location filename="../core/provisioning/plan.cpp" line="+16"/>
        <source>Plan for cluster &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::Planner</name>
    <message>
        <location filename="../core/provisioning/planner.cpp" line="+49"/>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;address of machine %1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;address of machine 1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>machine %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the machine on %1, tagged sparkdeck-cluster=%2, and wait for SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>spare (used when scaling up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>shared folder server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preflight: operating system, CPU, memory, disk, free ports, Java, clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Install a Java runtime if none is present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export %1 over NFS to the cluster&apos;s addresses only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the master on %1:7077 and wait until /json/ says ALIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mount the shared folder at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start a worker (%1 cores, %2) and wait until the master lists it ALIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start Jupyter on %1 with a random token, wired to spark://%1:7077</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Copy Spark from the master %1 inside the cluster, verify, unpack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Upload Spark from %1 once, verify its SHA-512, unpack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download Spark %1, verify its SHA-512, unpack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write conf/spark-env.sh (SPARK_LOCAL_IP=%1, master %2) and conf/spark-defaults.conf (authentication secret ********, reverse proxy on, decommission on, REST server off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Install Docker if none is present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Initialise the swarm and deploy stack &apos;%1&apos; (image %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Join the swarm as a worker node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>provider &apos;existing&apos; needs at least one host</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::PrivateKeyInfo</name>
    <message>
        <location filename="../core/ssh/privatekeyinfo.cpp" line="+34"/>
        <source>The key file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The key file %1 is damaged or not a private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 is a public key; give the private key file (the same name without .pub).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a private key file SparkDeck can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is an RSA key. SparkDeck&apos;s SSH library (libssh2 1.10) signs RSA keys with SHA-1 (&quot;ssh-rsa&quot;), which OpenSSH 8.8 and later refuse by default. Create an ed25519 key (ssh-keygen -t ed25519), install its public key on the hosts (ssh-copy-id), and select it as the identity.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ProblemsProxyModel</name>
    <message>
        <location filename="../gui/app/problemsproxymodel.cpp" line="+30"/>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ProvisioningView</name>
    <message>
        <location filename="../gui/dashboard/provisioningview.cpp" line="+37"/>
        <source>%p% of the steps ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overall progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+242"/>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-214"/>
        <location line="+81"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Stop every step now (Esc). Nothing is left half-written; the run can be resumed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+186"/>
        <source>&amp;Retry Failed Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-184"/>
        <source>Run it again: the steps that are done are only checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show the Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The run goes on, but its journal could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelling… every step is being stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 changes made, %2 checks found things already in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fix the cause, then choose Retry Failed Hosts: what is done is only checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Partly done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partly done: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled. Nothing is half-written; choose Resume to carry on where it stopped: what is done is only checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Log of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::RemoteProcess</name>
    <message>
        <location filename="../core/ssh/remoteprocess.cpp" line="+85"/>
        <source>No SSH session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The command on %1 did not finish within %2 s and was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 refused to open a command channel: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 refused to run the command: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+86"/>
        <source>sudo on %1 asks %2 for a password, and SparkDeck runs sudo without a terminal (sudo -n). Allow %2 to run sudo without a password (a NOPASSWD rule in /etc/sudoers.d), or connect as root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sudo is not installed on %1; install it or connect as root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading the output of the command on %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ScaleHandle</name>
    <message>
        <location filename="../gui/dashboard/scalehandle.cpp" line="+15"/>
        <source>Number of workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag, or press Left and Right, to choose the number of workers; Enter applies, Escape goes back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SftpTransfer</name>
    <message>
        <location filename="../core/ssh/sftptransfer.cpp" line="+84"/>
        <source>No SSH session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot create the directory %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>no such file or directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no space left on the device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 on %3 failed: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 refused SFTP: %2 (is the sftp subsystem enabled in sshd_config?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+64"/>
        <location line="+43"/>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+31"/>
        <source>Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+71"/>
        <source>Reading %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Writing %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Cannot compute the checksum of %1 on %2 (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The copy of %1 on %2 is damaged: its %3 is %4, expected %5. The partial file was removed; copy again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot move %1 into place on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot move %1 into place: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SshFanOut</name>
    <message>
        <location filename="../core/ssh/sshfanout.cpp" line="+101"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SshSession</name>
    <message>
        <location filename="../core/ssh/sshsession.cpp" line="+119"/>
        <location line="+784"/>
        <source>The connection to %1 was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-737"/>
        <source>Cannot find the host %1: %2. Check the address in the cluster file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cannot connect to %1 port %2: %3. Check that the machine is on and that sshd listens on that port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no usable address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot start an SSH session to %1: out of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+184"/>
        <source>connecting to %1 port %2 timed out after %3 s; check the address and any firewall in between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the SSH login on %1 did not finish within %2 s; the host or sshd may be overloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The connection to %1 was lost: no answer for %2 s. The host may be down or the network interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The SSH handshake with %1 failed: %2. Is an SSH server listening on port %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 sent no host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>WARNING: the host key of %1 has CHANGED. It is now %2 %3, but %4 line %5 lists a different %2 key. Someone may be intercepting the connection, or the machine was reinstalled. SparkDeck refuses to connect. If you are sure the machine was reinstalled, remove the old key with: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>WARNING: the host key of %1 (%2) is marked as revoked in %3 line %4. SparkDeck refuses to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>WARNING: %1 offered a %2 host key (%3), but %4 lists only %5 keys for it. The host key may have been replaced; SparkDeck refuses to connect. If the machine was reinstalled, remove the old entry with: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The host key of %1 (%2 %3) is not in %4, and the host key policy is strict. Verify the fingerprint with the machine&apos;s owner, then add it (for example connect once with the policy accept-new or ask).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The host key of %1 (%2 %3) is not in %4, and nobody can be asked to confirm it. Use the host key policy accept-new, or add the key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>You did not trust the host key of %1 (%2), so SparkDeck did not connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Cannot log in to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the key %1 is protected by a passphrase and SparkDeck could not ask for it (load it into ssh-agent instead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no passphrase was given for the key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+75"/>
        <location line="+37"/>
        <source>The connection to %1 broke during login: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-101"/>
        <source>the passphrase for the key %1 was wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key file %1 could not be read (unsupported format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server refused the RSA key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server refused the key %1 (its public key is not in ~%2/.ssh/authorized_keys there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>ssh-agent could not be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ssh-agent holds no keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>the server refused all %n key(s) of ssh-agent</source>
        <translation>
            <numerusform>the server refused all %n key of ssh-agent</numerusform>
            <numerusform>the server refused all %n keys of ssh-agent</numerusform>
        </translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the server does not accept passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the password was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Authentication as %1 on %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no key file is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server accepts only %1, and no password was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A key in ssh-agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The connection to %1 was closed by the remote side (sshd stopped, the machine rebooted, or the network dropped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to %1 was lost: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+112"/>
        <source>no session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SshTunnel</name>
    <message>
        <location filename="../core/ssh/sshtunnel.cpp" line="+29"/>
        <source>The tunnel has no destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::StartPage</name>
    <message>
        <location filename="../gui/app/startpage.cpp" line="+74"/>
        <location line="+11"/>
        <source>SparkDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A working Apache Spark cluster on the machines you have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;New Cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step by step: machines, workers, Spark, then a cluster file to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open Cluster File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A .yaml cluster file that you or a colleague wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Clusters you create or open appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Recent Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Bring It Up Now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is saved. Bring it up now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on its machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>SparkDeck installs, configures and starts Spark %1: a master and %n worker(s). You follow each host as it goes and can cancel at any time; what is done stays done.</source>
        <translation>
            <numerusform>SparkDeck installs, configures and starts Spark %1: a master and %n worker. You follow each host as it goes and can cancel at any time; what is done stays done.</numerusform>
            <numerusform>SparkDeck installs, configures and starts Spark %1: a master and %n workers. You follow each host as it goes and can cancel at any time; what is done stays done.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Bring Up Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cluster File Not Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is no longer in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It was moved, renamed or deleted, or its disk is not connected. Remove it from the recent clusters?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove From List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Open Cluster File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::Step</name>
    <message>
        <location filename="../core/provisioning/step.cpp" line="+33"/>
        <source>already done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1; trying again in %2 s (attempt %3 of %4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::TaskGroup</name>
    <message>
        <location filename="../core/provisioning/taskgroup.cpp" line="+93"/>
        <source>%1 of %2 tasks in &apos;%3&apos; failed; the first: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::TotalsHeader</name>
    <message>
        <location filename="../gui/dashboard/totalsheader.cpp" line="+30"/>
        <source>Master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Workers alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cores in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n completed</source>
        <translation>
            <numerusform>%n completed</numerusform>
            <numerusform>%n completed</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not reached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::WorkerModel</name>
    <message>
        <location filename="../core/monitor/workermodel.cpp" line="+118"/>
        <location line="+54"/>
        <source>Worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No news</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decommissioning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%1 of %n core(s) used</source>
        <translation>
            <numerusform>%1 of %n core used</numerusform>
            <numerusform>%1 of %n cores used</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The master lists this worker, but the cluster file does not place it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::WorkerStrip</name>
    <message>
        <location filename="../gui/dashboard/workerstrip.cpp" line="+104"/>
        <source>Number of workers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+185"/>
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Worker %1
will start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::WorkerTile</name>
    <message>
        <location filename="../gui/dashboard/workertile.cpp" line="+58"/>
        <source>%1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 cores, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, will be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1
%2
Double-click for the worker&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The master lists this worker, but the cluster file does not place it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Will be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1/%2 cores · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not listed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not listed by the master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Master not reached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::WorkersPage</name>
    <message numerus="yes">
        <location filename="../gui/wizard/workerspage.cpp" line="+144"/>
        <source>Lowered from %1 to %n: standalone mode runs one worker per host, and you listed %n host(s).</source>
        <translation>
            <numerusform>Lowered from %1 to %n: standalone mode runs one worker per host, and you listed %n host.</numerusform>
            <numerusform>Lowered from %1 to %n: standalone mode runs one worker per host, and you listed %n hosts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <location line="+10"/>
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n core</numerusform>
            <numerusform>%n cores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Standalone mode runs one worker per host, the master&apos;s host last, so %n host(s) hold at most %n worker(s).</source>
        <translation>
            <numerusform>Standalone mode runs one worker per host, the master&apos;s host last, so %n host holds at most %n worker.</numerusform>
            <numerusform>Standalone mode runs one worker per host, the master&apos;s host last, so %n hosts hold at most %n workers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Swarm mode places the workers as containers on the %n host(s).</source>
        <translation>
            <numerusform>Swarm mode places the workers as containers on the %n host.</numerusform>
            <numerusform>Swarm mode places the workers as containers on the %n hosts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../gui/app/main.cpp" line="+22"/>
        <source>SparkDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create, open and edit SparkDeck cluster files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cluster file to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
