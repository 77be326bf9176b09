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
</TS>
