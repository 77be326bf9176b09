<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>BoothPage</name>
        <message numerus="yes">
            <source>Products (%Ln available offline)</source>
            <translation>
                <numerusform>Products (%Ln available offline)</numerusform>
                <numerusform>Products (%Ln available offline)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CatalogEditorPage</name>
        <message numerus="yes">
            <source>%Ln product(s), of which {hidden} hidden</source>
            <translation>
                <numerusform>%Ln product, of which {hidden} hidden</numerusform>
                <numerusform>%Ln products, of which {hidden} hidden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln of your edits clashed with a change saved meanwhile on another PC. Nothing was overwritten.</source>
            <translation>
                <numerusform>%Ln of your edits clashed with a change saved meanwhile on another PC. Nothing was overwritten.</numerusform>
                <numerusform>%Ln of your edits clashed with a change saved meanwhile on another PC. Nothing was overwritten.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %Ln product(s) from your catalog? Buyers will no longer see them. This cannot be undone; hiding a product keeps it.</source>
            <translation>
                <numerusform>Delete %Ln product from your catalog? Buyers will no longer see it. This cannot be undone; hiding a product keeps it.</numerusform>
                <numerusform>Delete %Ln products from your catalog? Buyers will no longer see them. This cannot be undone; hiding a product keeps it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DealsPage</name>
        <message numerus="yes">
            <source>%Ln deal(s)</source>
            <translation>
                <numerusform>%Ln deal</numerusform>
                <numerusform>%Ln deals</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FairPage</name>
        <message numerus="yes">
            <source>%Ln booth(s)</source>
            <translation>
                <numerusform>%Ln booth</numerusform>
                <numerusform>%Ln booths</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln product</numerusform>
                <numerusform>%Ln products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>followed: %Ln product(s) available offline</source>
            <translation>
                <numerusform>followed: %Ln product available offline</numerusform>
                <numerusform>followed: %Ln products available offline</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{shown} of %Ln booth(s)</source>
            <translation>
                <numerusform>{shown} of %Ln booth</numerusform>
                <numerusform>{shown} of %Ln booths</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message numerus="yes">
            <source>{done} of %Ln product(s) downloaded</source>
            <translation>
                <numerusform>{done} of %Ln product downloaded</numerusform>
                <numerusform>{done} of %Ln products downloaded</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LeadsPage</name>
        <message numerus="yes">
            <source>%Ln lead(s)</source>
            <translation>
                <numerusform>%Ln lead</numerusform>
                <numerusform>%Ln leads</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln lead(s) exported to {path}</source>
            <translation>
                <numerusform>%Ln lead exported to {path}</numerusform>
                <numerusform>%Ln leads exported to {path}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%Ln deal(s) waiting for your answer or signature</source>
            <translation>
                <numerusform>%Ln deal waiting for your answer or signature</numerusform>
                <numerusform>%Ln deals waiting for your answer or signature</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProductPage</name>
        <message numerus="yes">
            <source>%Ln day(s)</source>
            <translation>
                <numerusform>%Ln day</numerusform>
                <numerusform>%Ln days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message numerus="yes">
            <source>%Ln result(s) in the offline cache</source>
            <translation>
                <numerusform>%Ln result in the offline cache</numerusform>
                <numerusform>%Ln results in the offline cache</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>More than %Ln results in the offline cache</source>
            <translation>
                <numerusform>More than %Ln result in the offline cache</numerusform>
                <numerusform>More than %Ln results in the offline cache</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln more from sections not cached (online)</source>
            <translation>
                <numerusform>%Ln more from sections not cached (online)</numerusform>
                <numerusform>%Ln more from sections not cached (online)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SectionPicker</name>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln product</numerusform>
                <numerusform>%Ln products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln section(s)</source>
            <translation>
                <numerusform>%Ln section</numerusform>
                <numerusform>%Ln sections</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln product</numerusform>
                <numerusform>%Ln products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln booth(s)</source>
            <translation>
                <numerusform>%Ln booth</numerusform>
                <numerusform>%Ln booths</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ShortlistPage</name>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln product</numerusform>
                <numerusform>%Ln products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln booth(s)</source>
            <translation>
                <numerusform>%Ln booth</numerusform>
                <numerusform>%Ln booths</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln entr(y/ies) to {path}</source>
            <translation>
                <numerusform>Exported %Ln entry to {path}</numerusform>
                <numerusform>Exported %Ln entries to {path}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message numerus="yes">
            <source>Downloading: %Ln item(s)</source>
            <translation>
                <numerusform>Downloading: %Ln item</numerusform>
                <numerusform>Downloading: %Ln items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln waiting to send</source>
            <translation>
                <numerusform>%Ln waiting to send</numerusform>
                <numerusform>%Ln waiting to send</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln min ago</source>
            <translation>
                <numerusform>%Ln min ago</numerusform>
                <numerusform>%Ln min ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln product</numerusform>
                <numerusform>%Ln products</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WorkspacePage</name>
        <message numerus="yes">
            <source>%Ln product edit(s) clashed with a change saved meanwhile on another PC. Nothing was overwritten: choose which version to keep.</source>
            <translation>
                <numerusform>%Ln product edit clashed with a change saved meanwhile on another PC. Nothing was overwritten: choose which version to keep.</numerusform>
                <numerusform>%Ln product edits clashed with a change saved meanwhile on another PC. Nothing was overwritten: choose which version to keep.</numerusform>
            </translation>
        </message>
    </context>
</TS>
